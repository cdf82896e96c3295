package dev.prebreak.core.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * A file this process holds an exclusive lock on, with the identity (device and inode) of the file
 * that was locked, so that one can tell later whether the name still leads to it.
 *
 * <p>The locks are POSIX record locks (that is what {@link FileChannel#tryLock()} takes on Linux): they
 * belong to the process, and closing <em>any</em> descriptor of the file in this process drops them. So
 * nothing in this package opens a locked file a second time while it is held.
 */
record LockedFile(Path path, FileChannel channel, FileLock lock, Object identity) {
    /** What {@link #identityOf} answers for a name that leads nowhere. */
    static final Object MISSING = "missing";

    /**
     * Channels that must never be closed: closing one would drop a lock this process holds on the same
     * file through another name (a hard link or a bind mount). Kept reachable so that no cleaner closes them.
     */
    private static final Set<FileChannel> KEPT_OPEN = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    /**
     * Locks the file at {@code path}, creating it if needed; null when another process holds it. The
     * name is looked up before the file is opened and again once it is locked: when they differ, the
     * holder replaced the file in between (a compaction), the lock taken is on a file nobody will read,
     * and the lookup starts over. (Inode numbers are reused at once, but not while a file is open, and
     * this process holds the file it opened: the two lookups agree with a file other than the one locked
     * only if the name was replaced twice, with the number reused, between them.)
     */
    static LockedFile take(Path path, ChannelOpener opener) throws IOException {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                Files.createFile(path);
            } catch (FileAlreadyExistsException exists) {
                // It is looked up below.
            }
            Object before = identityOf(path);
            if (before == MISSING) {
                continue;
            }
            FileChannel channel;
            try {
                channel = opener.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (NoSuchFileException gone) {
                continue;
            }
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                KEPT_OPEN.add(channel);
                throw new IllegalStateException("state file " + path + " is held by another prebreak store in this process"
                        + " (reached through another name); only one may write a state file");
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close(); // this process holds no lock on it, so closing drops nothing
                return null;
            }
            if (Objects.equals(before, identityOf(path))) {
                return new LockedFile(path, channel, lock, before);
            }
            channel.close();
        }
        throw new IOException(path + " kept being replaced while prebreak tried to lock it");
    }

    /**
     * Creates (or empties) the file at {@code path} and locks it, for a file only this process writes
     * to and then moves into place: it is locked before the move, so a process that finds the new file
     * under the journal's name finds it locked.
     */
    static LockedFile create(Path path, ChannelOpener opener) throws IOException {
        FileChannel channel = opener.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException(path + " is locked by another process");
            }
            return new LockedFile(path, channel, lock, identityOf(path));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The same file under a new name, after it was moved there. */
    LockedFile movedTo(Path name) {
        return new LockedFile(name, channel, lock, identity);
    }

    /** Whether {@link #path} still leads to the file that was locked. */
    boolean stillAtItsPath() throws IOException {
        return Objects.equals(identity, identityOf(path));
    }

    /** Closing the channel releases the lock. */
    void close() throws IOException {
        channel.close();
    }

    /**
     * Device and inode of the file a name leads to (the name itself when it is a symbolic link), or
     * {@link #MISSING}. Looked up with stat, never by opening the file.
     */
    static Object identityOf(Path path) throws IOException {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            // Without file keys (Windows) a replaced file cannot be told from the original by inode;
            // its creation time is the next best thing.
            return key != null ? key : Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).creationTime();
        } catch (NoSuchFileException e) {
            return MISSING;
        }
    }
}
