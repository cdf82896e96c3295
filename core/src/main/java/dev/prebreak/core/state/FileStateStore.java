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
            try {
                load();
                compact();
            } catch (IOException | RuntimeException e) {
                lock.release(); // a later attempt in this process must not find the file locked by a failure
                lockChannel.close();
                throw e;
            }
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
        String[] lines = text.substring(0, end).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!applyLine(lines[i], records)) {
                // Only the last line can be cut short by a crash, and it has no newline yet: a damaged
                // whole line is corruption, and skipping it could mean acting twice on an activity.
                throw new IllegalStateException("state file " + file + " is damaged at line " + (i + 1)
                        + "; restore it from a backup or move it aside (prebreak then starts with no memory of past actions)");
            }
        }
    }

    /** Applies one journal line; false when it cannot be read. */
    private static boolean applyLine(String line, InMemoryStateStore records) {
        String[] f = line.split("\t", -1);
        try {
            if (f[0].equals(PUT) && f.length == 9) {
                records.put(new ActivityRecord(new ActivityKey(dec(f[1]), dec(f[2]), Instant.parse(f[3]), dec(f[4])),
                        RecordStatus.valueOf(f[5]), f[6].isEmpty() ? null : dec(f[6]), Instant.parse(f[7]), Instant.parse(f[8])));
                return true;
            }
            if (f[0].equals(DELETE) && f.length == 5) {
                records.delete(new ActivityKey(dec(f[1]), dec(f[2]), Instant.parse(f[3]), dec(f[4])));
                return true;
            }
        } catch (RuntimeException e) {
            return false;
        }
        return false;
    }

    @Override
    public synchronized List<ActivityRecord> records(String businessUnitId, Instant endingAfter) {
        return records.records(businessUnitId, endingAfter);
    }

    // Each write checks its condition, makes it durable in the journal, and only then changes memory,
    // so that memory never holds what the file would not bring back after a crash.

    @Override
    public synchronized boolean insert(ActivityRecord record) {
        if (records.find(record.key()).isPresent()) {
            return false;
        }
        append(put(record));
        records.put(record);
        compactIfLarge();
        return true;
    }

    @Override
    public synchronized boolean replace(ActivityRecord current, ActivityRecord next) {
        if (!records.find(next.key()).map(r -> InMemoryStateStore.sameVersion(r, current)).orElse(false)) {
            return false;
        }
        append(put(next));
        records.put(next);
        compactIfLarge();
        return true;
    }

    @Override
    public synchronized boolean remove(ActivityRecord current) {
        ActivityKey key = current.key();
        if (!records.find(key).map(r -> InMemoryStateStore.sameVersion(r, current)).orElse(false)) {
            return false;
        }
        append(String.join("\t", DELETE, enc(key.businessUnitId()), enc(key.userId()), key.activityStart().toString(), enc(key.ruleName())));
        records.delete(key);
        compactIfLarge();
        return true;
    }

    private void append(String line) {
        long size = -1;
        try {
            size = journal.size();
            journal.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            journal.force(false);
            journalLines++;
        } catch (IOException e) {
            try {
                if (size >= 0) {
                    journal.truncate(size); // no torn fragment may join the next line
                }
            } catch (IOException ignored) {
                // The write failed already; that is what the caller hears about.
            }
            throw new UncheckedIOException("cannot write state file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Compacts once the journal has grown to several times the live records; called after memory is updated. */
    private void compactIfLarge() {
        if (journalLines > 1000 && journalLines > 4 * records.size()) {
            try {
                compact();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot compact state file " + file + ": " + e.getMessage(), e);
            }
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
