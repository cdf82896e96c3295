package dev.prebreak.core.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A state store in one file, for the daemon: it survives restarts, crashes and a full disk, and no
 * acknowledged write is lost.
 *
 * <p>The file is a journal, one line per change. A write is acknowledged (insert, replace or remove
 * returns) only once its whole line is written and forced to disk; when anything fails the journal is
 * cut back to the end of the last acknowledged line and the call throws, naming the file and the cause,
 * so the caller never counts a write that would not come back after a restart.
 *
 * <p>At start-up, a damaged tail (a line cut short by a crash or a full disk, garbage or NUL bytes after
 * the last readable line, a file with no newline at all) is copied to a side file beside the journal,
 * {@code <journal>.damaged-<time>}, with a warning naming it, and only then cut off; nothing deletes side
 * files. A bad line with readable lines after it stops the start-up with an error naming the line, and
 * changes nothing.
 *
 * <p>When the journal has grown to several times the live records it is compacted: written whole to a
 * temporary file, forced to disk, and moved over the journal atomically. {@link StateFileLock} keeps a
 * second prebreak off the file, including through compactions, symbolic links and a deleted lock file.
 */
public final class FileStateStore implements StateStore, AutoCloseable {
    private static final Logger LOG = System.getLogger(FileStateStore.class.getName());
    /** Records whose activity ended longer ago than this are dropped at compaction. */
    private static final Duration KEEP_AFTER_END = Duration.ofDays(2);
    private static final DateTimeFormatter SIDE_FILE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /**
     * The stores open in this process, by the real path of their journal. A second store on the same
     * file is refused before it opens anything: closing its channel would drop the first one's locks.
     */
    private static final ConcurrentMap<Path, FileStateStore> OPEN = new ConcurrentHashMap<>();

    private final Path file;
    private final Clock clock;
    private final ChannelOpener opener;
    private final InMemoryStateStore records = new InMemoryStateStore();
    private final StateFileLock lock;
    private final Path quarantined;
    /** The end of the last acknowledged line: everything before it is on disk, nothing after it counts. */
    private long goodSize;
    private int journalLines;
    private boolean closed;

    public FileStateStore(Path file, Clock clock) {
        this(file, clock, ChannelOpener.DIRECT);
    }

    FileStateStore(Path file, Clock clock, ChannelOpener opener) {
        this.clock = clock;
        this.opener = opener;
        this.file = realPath(file);
        // Held while the store is being built, so that a snapshot from this process waits for it.
        synchronized (this) {
            FileStateStore other = OPEN.putIfAbsent(this.file, this);
            if (other != null) {
                throw new IllegalStateException("state file " + this.file + " is held by another prebreak store in this process;"
                        + " only one may write a state file");
            }
            StateFileLock locked = null;
            try {
                locked = StateFileLock.take(this.file, opener);
                this.lock = locked;
                this.quarantined = load();
                compact("start-up");
            } catch (IOException | RuntimeException e) {
                OPEN.remove(this.file, this);
                closed = true;
                if (locked != null) {
                    try {
                        locked.close(); // a later attempt in this process must not find the file locked by a failure
                    } catch (IOException closing) {
                        e.addSuppressed(closing);
                    }
                }
                if (e instanceof IOException io) {
                    throw new UncheckedIOException("cannot open state file " + this.file + ": " + io, io);
                }
                throw (RuntimeException) e;
            }
        }
    }

    /**
     * The journal's real path: symbolic links resolved, so that every name of one file takes the same
     * lock. The directories are created if needed; the journal itself may not exist yet.
     */
    private static Path realPath(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            return realPathOfExisting(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open state file " + absolute + ": " + e, e);
        }
    }

    private static Path realPathOfExisting(Path absolute) throws IOException {
        return Files.exists(absolute) ? absolute.toRealPath() : absolute.getParent().toRealPath().resolve(absolute.getFileName());
    }

    /**
     * What the journal holds now, as a store of its own that writes nowhere: for planning beside a
     * running daemon, without its lock and without touching its file. A damaged tail is left out (it
     * may be a line the daemon is writing right now) and left where it is.
     */
    public static InMemoryStateStore snapshot(Path file) {
        Path real;
        try {
            real = realPathOfExisting(file.toAbsolutePath());
        } catch (NoSuchFileException e) {
            return new InMemoryStateStore(); // not even its directory exists yet
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read state file " + file + ": " + e, e);
        }
        FileStateStore open = OPEN.get(real);
        if (open != null) {
            // Reading the file here would open and close it in the process that holds its lock, which
            // drops the lock; the store has it all in memory anyway.
            Optional<InMemoryStateStore> copy = open.copy();
            if (copy.isPresent()) {
                return copy.get();
            }
        }
        InMemoryStateStore snapshot = new InMemoryStateStore();
        try {
            byte[] bytes = Files.readAllBytes(real);
            JournalContents.read(bytes, real).entries().forEach(e -> e.applyTo(snapshot));
        } catch (NoSuchFileException e) {
            return snapshot;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read state file " + real + ": " + e, e);
        }
        return snapshot;
    }

    private synchronized Optional<InMemoryStateStore> copy() {
        if (closed) {
            return Optional.empty();
        }
        InMemoryStateStore copy = new InMemoryStateStore();
        records.forEach(copy::put);
        return Optional.of(copy);
    }

    /** Replays the journal into memory; returns the side file a damaged tail was moved to, if any. */
    private Path load() throws IOException {
        FileChannel journal = lock.journal();
        byte[] bytes = readAll(journal);
        JournalContents contents = JournalContents.read(bytes, file);
        Path sideFile = null;
        if (contents.hasDamagedTail()) {
            sideFile = quarantine(bytes, contents);
            journal.truncate(contents.goodEnd());
            journal.force(false);
        }
        contents.entries().forEach(e -> e.applyTo(records));
        goodSize = contents.goodEnd();
        journalLines = contents.entries().size();
        return sideFile;
    }

    /** Reads the journal through the locked channel: opening the file again would drop the lock when closed. */
    private static byte[] readAll(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException("the journal is " + size + " bytes long, too long to be a prebreak journal");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, buffer.position()) < 0) {
                break;
            }
        }
        return buffer.position() == buffer.capacity() ? buffer.array() : java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    /**
     * Copies the damaged tail to a new side file and forces it to disk, before anything cuts it off:
     * it may hold the only trace of what happened.
     */
    private Path quarantine(byte[] bytes, JournalContents contents) throws IOException {
        String base = file.getFileName() + ".damaged-" + SIDE_FILE_TIME.format(clock.instant());
        for (int n = 1; ; n++) {
            Path side = file.resolveSibling(n == 1 ? base : base + "-" + n);
            FileChannel out;
            try {
                out = opener.open(side, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            int from = (int) contents.goodEnd();
            try (out) {
                Disk.writeAll(out, java.util.Arrays.copyOfRange(bytes, from, bytes.length), 0);
                out.force(true);
            } catch (IOException e) {
                // The journal is left whole: the next start-up tries again.
                throw new IOException("cannot copy the damaged end of the journal to " + side + " (" + e + ");"
                        + " the journal is unchanged", e);
            }
            Disk.syncDirectory(file.getParent());
            LOG.log(Level.WARNING, "state file " + file + " ends in " + (bytes.length - from) + " damaged bytes from line "
                    + contents.firstDamagedLine() + " on (a write cut short by a crash or a full disk, or garbage);"
                    + " they are left out and kept in " + side);
            return side;
        }
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
        append(new JournalEntry.Put(record));
        records.put(record);
        compactIfLarge();
        return true;
    }

    @Override
    public synchronized boolean replace(ActivityRecord current, ActivityRecord next) {
        if (!records.find(next.key()).map(r -> InMemoryStateStore.sameVersion(r, current)).orElse(false)) {
            return false;
        }
        append(new JournalEntry.Put(next));
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
        append(new JournalEntry.Delete(key));
        records.delete(key);
        compactIfLarge();
        return true;
    }

    /** Writes one whole line and forces it to disk, or leaves the journal as it was and throws. */
    private void append(JournalEntry entry) {
        if (closed) {
            throw new IllegalStateException("state file " + file + " is closed");
        }
        byte[] line = (entry.line() + "\n").getBytes(StandardCharsets.US_ASCII);
        FileChannel journal = lock.journal();
        try {
            lock.verify();
            cutBackToLastGoodLine(journal); // what a failed write, or a failed cut after it, left behind
            Disk.writeAll(journal, line, goodSize);
            journal.force(false);
        } catch (IOException e) {
            try {
                cutBackToLastGoodLine(journal);
            } catch (IOException | RuntimeException cutting) {
                // The next write tries again before it writes, and a restart quarantines what is left.
                e.addSuppressed(cutting);
            }
            throw new UncheckedIOException("cannot write state file " + file + ": " + e + "; the change was not recorded", e);
        }
        goodSize += line.length;
        journalLines++;
    }

    private void cutBackToLastGoodLine(FileChannel journal) throws IOException {
        long size = journal.size();
        if (size == goodSize) {
            return;
        }
        if (size < goodSize) {
            throw new IllegalStateException("state file " + file + " is shorter (" + size + " bytes) than what it acknowledged ("
                    + goodSize + " bytes): something other than this prebreak changed it; refusing to write");
        }
        journal.truncate(goodSize);
        journal.force(false);
    }

    /** Compacts once the journal has grown to several times the live records; called after memory is updated. */
    private void compactIfLarge() {
        if (journalLines > 1000 && journalLines > 4 * records.size()) {
            compact("growth");
        }
    }

    /**
     * Rewrites the journal as one line per live record, atomically. A failure leaves the journal as it
     * was, which is still right, only longer: it is reported and the store carries on (the write that
     * led here was acknowledged already).
     */
    private void compact(String why) {
        records.expire(clock.instant().minus(KEEP_AFTER_END));
        StringBuilder text = new StringBuilder();
        List<ActivityRecord> all = new ArrayList<>();
        records.forEach(all::add);
        for (ActivityRecord r : all) {
            text.append(new JournalEntry.Put(r).line()).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        LockedFile next = null;
        try {
            lock.verify();
            next = LockedFile.create(temp, opener);
            Disk.writeAll(next.channel(), bytes, 0);
            next.channel().force(true);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | IllegalStateException e) {
            if (next != null) {
                try {
                    next.close();
                    Files.deleteIfExists(temp);
                } catch (IOException cleaning) {
                    e.addSuppressed(cleaning);
                }
            }
            LOG.log(Level.WARNING, "cannot compact state file " + file + " (" + why + "): " + e
                    + "; it stays as it was, correct but longer");
            return;
        }
        // From here the new file is the journal, whatever fails next.
        goodSize = bytes.length;
        journalLines = all.size();
        try {
            lock.replaceJournal(next);
            Disk.syncDirectory(file.getParent());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "state file " + file + " was compacted, but " + e
                    + "; a power cut now could bring back the journal from before the compaction, which is just as right", e);
        }
    }

    /** The journal's real path (symbolic links resolved). */
    public Path file() {
        return file;
    }

    /** The side file a damaged tail of the journal was moved to when this store opened, if any. */
    public Optional<Path> quarantinedTail() {
        return Optional.ofNullable(quarantined);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        OPEN.remove(file, this);
        try {
            lock.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close state file " + file + ": " + e, e);
        }
    }
}
