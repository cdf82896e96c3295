package dev.prebreak.core.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A disk of a few bytes, for tests that cannot mount one: the files of one directory may hold
 * {@code capacity} bytes between them, and a write that would go beyond takes what fits (a short
 * write, as a real disk gives) and the next one fails with "No space left on device". It can also fail
 * the next fsync or the next few truncates. It counts what it did, for the tests to report.
 */
final class TinyDisk implements ChannelOpener {
    private final Path directory;
    private long capacity;
    private int failForces;
    private int failTruncates;
    int shortWrites;
    int refusedWrites;
    int writeCalls;

    TinyDisk(Path directory, long capacity) {
        this.directory = directory;
        this.capacity = capacity;
    }

    void capacity(long bytes) {
        capacity = bytes;
    }

    void failNextForces(int count) {
        failForces = count;
    }

    void failNextTruncates(int count) {
        failTruncates = count;
    }

    long used() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            long sum = 0;
            for (Path f : (Iterable<Path>) files::iterator) {
                sum += Files.isRegularFile(f) ? Files.size(f) : 0;
            }
            return sum;
        }
    }

    @Override
    public FileChannel open(Path file, OpenOption... options) throws IOException {
        return new Channel(FileChannel.open(file, options));
    }

    private final class Channel extends FileChannel {
        private final FileChannel disk;

        Channel(FileChannel disk) {
            this.disk = disk;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            writeCalls++;
            long growth = Math.max(0, position + src.remaining() - disk.size());
            long free = Math.max(0, capacity - used());
            int fits = (int) Math.min(src.remaining(), src.remaining() - Math.max(0, growth - free));
            if (fits <= 0) {
                refusedWrites++;
                throw new IOException("No space left on device");
            }
            ByteBuffer part = src.slice().limit(fits);
            int written;
            try {
                written = disk.write(part, position);
            } catch (IOException e) {
                refusedWrites++; // by the file system underneath (a real tmpfs)
                throw e;
            }
            if (written < src.remaining()) {
                shortWrites++;
            }
            src.position(src.position() + written);
            return written;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int written = write(src, disk.position());
            disk.position(disk.position() + written);
            return written;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException("the store writes one buffer at a time");
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (failForces > 0) {
                failForces--;
                throw new IOException("Input/output error");
            }
            disk.force(metaData);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            if (failTruncates > 0) {
                failTruncates--;
                throw new IOException("Input/output error");
            }
            disk.truncate(size);
            return this;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return disk.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return disk.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return disk.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return disk.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            disk.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return disk.size();
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return disk.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return disk.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            disk.close();
        }
    }
}
