package dev.prebreak.core.state;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Keeps every other prebreak off one state file while this store has it open, with two locks.
 *
 * <ul>
 *   <li>The journal itself is locked. Compaction replaces the journal with a new file, so the new file
 *       is locked before it is moved into place and the old one is let go only after: whoever finds a
 *       file under the journal's name finds it locked. Deleting the lock file therefore lets nobody in.</li>
 *   <li>A lock file beside it ({@code <journal>.lock}), which nothing ever replaces: deleting the journal
 *       (say, to "reset" a running daemon) does not let a second prebreak in either.</li>
 * </ul>
 *
 * Only deleting both opens the door; the holder then notices at its next write that the journal's name
 * no longer leads to the file it holds, and refuses to write from then on.
 *
 * <p>Both are taken on the real path of the journal (symbolic links resolved), so two names for one
 * file cannot take two locks.
 */
final class StateFileLock {
    private static final Logger LOG = System.getLogger(FileStateStore.class.getName());

    private final LockedFile lockFile;
    private LockedFile journal;
    private boolean lockFileLossReported;

    private StateFileLock(LockedFile lockFile, LockedFile journal) {
        this.lockFile = lockFile;
        this.journal = journal;
    }

    /** Takes both locks on {@code journal}, a real path; throws IllegalStateException when another prebreak holds either. */
    static StateFileLock take(Path journal, ChannelOpener opener) throws IOException {
        Path lockPath = journal.resolveSibling(journal.getFileName() + ".lock");
        LockedFile lockFile = LockedFile.take(lockPath, opener);
        if (lockFile == null) {
            throw heldElsewhere(journal, lockPath);
        }
        try {
            LockedFile locked = LockedFile.take(journal, opener);
            if (locked == null) {
                throw heldElsewhere(journal, journal);
            }
            Disk.syncDirectory(journal.getParent()); // the journal may have just been created
            return new StateFileLock(lockFile, locked);
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
    }

    private static IllegalStateException heldElsewhere(Path journal, Path locked) {
        return new IllegalStateException("state file " + journal + " is held by another prebreak (it has " + locked
                + " locked); only one may write a state file: stop the other one, or give this one its own state.file");
    }

    /** The open, locked journal. */
    FileChannel journal() {
        return journal.channel();
    }

    Path journalPath() {
        return journal.path();
    }

    /**
     * Checked before every write: the journal's name must still lead to the file this store holds, or
     * its writes would go to a file no restart reads, beside another prebreak that may have started on
     * a new one.
     */
    void verify() throws IOException {
        if (!journal.stillAtItsPath()) {
            throw new IllegalStateException("state file " + journal.path() + " was deleted or replaced while this prebreak held it,"
                    + " and another prebreak may have started on a new one; refusing to write to it."
                    + " Stop every prebreak using it, then start one");
        }
        if (!lockFileLossReported && !lockFile.stillAtItsPath()) {
            lockFileLossReported = true;
            LOG.log(Level.WARNING, "lock file " + lockFile.path() + " was deleted or replaced while this prebreak held it;"
                    + " the lock on the journal still keeps other prebreak processes out, but do not delete the journal now");
        }
    }

    /**
     * Hands the journal lock over to {@code next}, a locked file just moved to the journal's name, and
     * lets go of the old journal (which no name leads to any more).
     */
    void replaceJournal(LockedFile next) throws IOException {
        LockedFile old = journal;
        journal = next.movedTo(old.path());
        old.close();
    }

    /** Releases both locks. */
    void close() throws IOException {
        try {
            journal.close();
        } finally {
            lockFile.close();
        }
    }
}
