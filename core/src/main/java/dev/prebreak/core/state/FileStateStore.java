package dev.prebreak.core.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A state store in one file, for the daemon: it survives restarts, and a crash in the middle of a
 * write loses nothing that was acknowledged.
 *
 * <p>The file is a journal: every change is one appended, flushed line, and a line cut short by a
 * crash is ignored when the file is read back. When the journal has grown to several times the live
 * records it is compacted: written whole to a temporary file, forced to disk, and moved over the
 * journal atomically. A lock file keeps a second process from writing the same journal.
 */
public final class FileStateStore implements StateStore, AutoCloseable {
    private static final String PUT = "put";
    private static final String DELETE = "del";
    /** Records whose activity ended longer ago than this are dropped at compaction. */
    private static final Duration KEEP_AFTER_END = Duration.ofDays(2);

    private final Path file;
    private final Clock clock;
    private final InMemoryStateStore records = new InMemoryStateStore();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel journal;
    private int journalLines;

    public FileStateStore(Path file, Clock clock) {
        this.file = file.toAbsolutePath();
        this.clock = clock;
        try {
            Path parent = this.file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock acquired;
            try {
                acquired = lockChannel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                acquired = null; // held by this very process
            }
            lock = acquired;
            if (lock == null) {
                lockChannel.close();
                throw new IllegalStateException("state file " + this.file + " is in use by another prebreak process (lock " + lockFile + ")");
            }
            load();
            compact();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open state file " + this.file + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the journal holds now, as a store of its own that writes nowhere: for planning beside a
     * running daemon, without its lock and without touching its file.
     */
    public static InMemoryStateStore snapshot(Path file) {
        InMemoryStateStore snapshot = new InMemoryStateStore();
        try {
            replay(file.toAbsolutePath(), snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read state file " + file + ": " + e.getMessage(), e);
        }
        return snapshot;
    }

    private void load() throws IOException {
        replay(file, records);
    }

    private static void replay(Path file, InMemoryStateStore records) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return; // nothing complete was written
        }
        for (String line : text.substring(0, end).split("\n")) {
            applyLine(line, records);
        }
    }

    private static void applyLine(String line, InMemoryStateStore records) {
        String[] f = line.split("\t", -1);
        try {
            if (f[0].equals(PUT) && f.length == 9) {
                ActivityRecord r = new ActivityRecord(new ActivityKey(dec(f[1]), dec(f[2]), Instant.parse(f[3]), dec(f[4])),
                        RecordStatus.valueOf(f[5]), f[6].isEmpty() ? null : dec(f[6]), Instant.parse(f[7]), Instant.parse(f[8]));
                records.put(r);
            } else if (f[0].equals(DELETE) && f.length == 5) {
                ActivityKey key = new ActivityKey(dec(f[1]), dec(f[2]), Instant.parse(f[3]), dec(f[4]));
                records.delete(key);
            }
        } catch (RuntimeException e) {
            // A damaged line (a crash mid-write can only damage the last one) carries nothing acknowledged.
        }
    }

    @Override
    public synchronized List<ActivityRecord> records(String businessUnitId, Instant endingAfter) {
        return records.records(businessUnitId, endingAfter);
    }

    @Override
    public synchronized boolean insert(ActivityRecord record) {
        if (!records.insert(record)) {
            return false;
        }
        append(put(record));
        return true;
    }

    @Override
    public synchronized boolean replace(RecordStatus expected, ActivityRecord next) {
        if (!records.replace(expected, next)) {
            return false;
        }
        append(put(next));
        return true;
    }

    @Override
    public synchronized boolean remove(ActivityKey key, RecordStatus expected) {
        if (!records.remove(key, expected)) {
            return false;
        }
        append(String.join("\t", DELETE, enc(key.businessUnitId()), enc(key.userId()), key.activityStart().toString(), enc(key.ruleName())));
        return true;
    }

    private void append(String line) {
        try {
            journal.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            journal.force(false);
            journalLines++;
            if (journalLines > 1000 && journalLines > 4 * records.size()) {
                compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write state file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Rewrites the journal as one line per live record, atomically. */
    private void compact() throws IOException {
        records.expire(clock.instant().minus(KEEP_AFTER_END));
        List<String> lines = new ArrayList<>();
        for (ActivityRecord r : allRecords()) {
            lines.add(put(r));
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap((lines.isEmpty() ? "" : String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        if (journal != null) {
            journal.close();
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        journal = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        journalLines = lines.size();
    }

    private List<ActivityRecord> allRecords() {
        List<ActivityRecord> all = new ArrayList<>();
        records.forEach(all::add);
        return all;
    }

    private static String put(ActivityRecord r) {
        ActivityKey k = r.key();
        return String.join("\t", PUT, enc(k.businessUnitId()), enc(k.userId()), k.activityStart().toString(), enc(k.ruleName()),
                r.status().name(), r.presenceId() == null ? "" : enc(r.presenceId()), r.activityEnd().toString(), r.updatedAt().toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            if (journal != null) {
                journal.close();
            }
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
