package dev.prebreak.core.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The two things the file store needs from a disk beyond a single write call. */
final class Disk {
    private Disk() {
    }

    /**
     * Writes every byte at {@code position}: a write call may take only part of a buffer (a disk that
     * fills up in the middle does exactly that), so it is called again until none is left.
     */
    static void writeAll(FileChannel channel, byte[] bytes, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            int written = channel.write(buffer, position + buffer.position());
            if (written <= 0) {
                // A blocking file write that takes nothing will take nothing next time either.
                throw new IOException("the file system took no bytes of a write with " + buffer.remaining() + " left");
            }
        }
    }

    /**
     * Makes a file created or renamed in {@code directory} survive a power cut: the file's own fsync
     * does not cover its name.
     */
    static void syncDirectory(Path directory) throws IOException {
        if (java.io.File.separatorChar == '\\') {
            return; // Windows opens no directory as a file, and commits a rename with the file itself
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
