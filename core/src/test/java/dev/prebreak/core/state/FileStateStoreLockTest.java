package dev.prebreak.core.state;

import static dev.prebreak.core.state.FileStateStoreTest.CLOCK;
import static dev.prebreak.core.state.FileStateStoreTest.NOW;
import static dev.prebreak.core.state.FileStateStoreTest.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per state file, whatever name it is reached by and whatever is deleted beside it. */
class FileStateStoreLockTest {
    @TempDir
    Path dir;

    private static String secondProcess(Path file) throws Exception {
        return SecondProcess.open(file, NOW);
    }

    private static String heldBy(Path realJournal) {
        return "refused: state file " + realJournal + " is held by another prebreak";
    }

    @Test
    void anotherProcessOnTheSameFileIsRefused() throws Exception {
        Path file = dir.resolve("state.journal");
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            assertThat(secondProcess(file)).startsWith(heldBy(file.toRealPath()));
        }
        assertThat(secondProcess(file)).as("once the first has closed").startsWith("opened ");
    }

    @Test
    void anotherProcessThroughASymlinkedDirectoryIsRefusedAndToldTheRealPath() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        try (FileStateStore store = new FileStateStore(real.resolve("state.journal"), CLOCK)) {
            Path journal = real.resolve("state.journal").toRealPath();
            assertThat(store.file()).isEqualTo(journal);
            assertThat(secondProcess(link.resolve("state.journal"))).startsWith(heldBy(journal));
            assertThatThrownBy(() -> new FileStateStore(link.resolve("state.journal"), CLOCK))
                    .as("a second store in this process, through the link").hasMessageStartingWith(heldBy(journal).substring(9));
        }
    }

    @Test
    void anotherProcessThroughASymlinkToTheJournalIsRefused() throws Exception {
        Path file = dir.resolve("state.journal");
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            Path link = Files.createSymbolicLink(dir.resolve("other-name.journal"), file);
            assertThat(secondProcess(link)).startsWith(heldBy(file.toRealPath()));
        }
    }

    @Test
    void anotherProcessAfterTheLockFileWasDeletedIsRefusedByTheJournalLock() throws Exception {
        Path file = dir.resolve("state.journal");
        try (CapturedWarnings warnings = new CapturedWarnings(); FileStateStore store = new FileStateStore(file, CLOCK)) {
            Files.delete(dir.resolve("state.journal.lock"));
            assertThat(secondProcess(file)).startsWith(heldBy(file.toRealPath()));
            assertThat(store.insert(record("a", RecordStatus.CLAIMED))).as("the holder carries on").isTrue();
            assertThat(warnings.messages()).anySatisfy(m -> assertThat(m)
                    .contains("lock file " + file.toRealPath() + ".lock was deleted or replaced"));
        }
    }

    @Test
    void aHolderWhoseJournalWasDeletedRefusesToWrite() throws Exception {
        Path file = dir.resolve("state.journal");
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            store.insert(record("a", RecordStatus.CLAIMED));
            Files.delete(dir.resolve("state.journal.lock"));
            Files.delete(file);
            // Both deleted: nothing is left to stop a second prebreak, which starts on an empty journal...
            assertThat(secondProcess(file)).startsWith("opened ");
            // ...and the first one notices at its next write and writes no more.
            assertThatThrownBy(() -> store.insert(record("b", RecordStatus.CLAIMED)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("state file " + dir.toRealPath().resolve("state.journal") + " was deleted or replaced")
                    .hasMessageContaining("refusing to write");
            assertThat(store.records("bu 1", NOW)).extracting(r -> r.key().userId()).containsExactly("a");
        }
    }

    @Test
    void compactionHandsTheJournalLockToTheNewFile() throws Exception {
        Path file = dir.resolve("state.journal");
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            for (int i = 0; i < 1100; i++) {
                store.insert(record("u" + (i % 10), RecordStatus.CLAIMED));
                store.remove(record("u" + (i % 10), RecordStatus.CLAIMED));
            }
            assertThat(Files.size(file)).as("compacted: the journal is a new, short file").isLessThan(1000L * 50);
            Files.delete(dir.resolve("state.journal.lock"));
            assertThat(secondProcess(file)).startsWith(heldBy(file.toRealPath()));
            assertThat(store.insert(record("kept", RecordStatus.IN_PRE_BREAK))).isTrue();
        }
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            assertThat(store.records("bu 1", NOW)).extracting(r -> r.key().userId()).containsExactly("kept");
        }
    }

    @Test
    void aRefusedSecondStoreInThisProcessLeavesTheFirstOneItsLocks() throws Exception {
        Path file = dir.resolve("state.journal");
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            store.insert(record("a", RecordStatus.CLAIMED));
            assertThatThrownBy(() -> new FileStateStore(file, CLOCK)).hasMessageContaining("held by another prebreak store in this process");
            // Through a hard link the real path differs, and the lock on the journal itself is what refuses
            // it (OverlappingFileLockException): the channel it opened must stay open, or closing it would
            // drop this process's lock.
            Path hardLink = Files.createLink(dir.resolve("hard-link.journal"), file);
            assertThatThrownBy(() -> new FileStateStore(hardLink, CLOCK))
                    .hasMessageContaining("state file " + hardLink.toRealPath() + " is held by another prebreak store in this process");
            // A snapshot in this process reads the store, not the file, for the same reason.
            assertThat(FileStateStore.snapshot(file).records("bu 1", NOW)).extracting(r -> r.key().userId()).containsExactly("a");
            Files.delete(dir.resolve("state.journal.lock"));
            assertThat(secondProcess(file)).as("the journal is still locked").startsWith(heldBy(file.toRealPath()));
        }
    }
}
