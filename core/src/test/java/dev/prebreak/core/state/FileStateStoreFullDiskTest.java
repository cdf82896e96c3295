package dev.prebreak.core.state;

import static dev.prebreak.core.state.FileStateStoreTest.CLOCK;
import static dev.prebreak.core.state.FileStateStoreTest.NOW;
import static dev.prebreak.core.state.FileStateStoreTest.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk loses no acknowledged record: on a real tmpfs of 12 KiB where the test may mount one, and
 * always on a {@link TinyDisk}, whose channels also fail fsync and truncate on demand.
 */
class FileStateStoreFullDiskTest {
    @TempDir
    Path dir;
    private TinyFilesystem mounted;

    @AfterEach
    void unmount() throws IOException {
        if (mounted != null) {
            mounted.close();
        }
    }

    /** What filling a disk did: the records acknowledged, and the failures the others got. */
    record Filled(List<ActivityRecord> acknowledged, List<RuntimeException> failures) {
    }

    /** Inserts records until three in a row fail. */
    private static Filled fill(FileStateStore store, int from) {
        List<ActivityRecord> acknowledged = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        int failedInARow = 0;
        for (int i = from; failedInARow < 3 && i < from + 10_000; i++) {
            ActivityRecord r = record("user-" + i, RecordStatus.CLAIMED);
            try {
                assertThat(store.insert(r)).isTrue();
                acknowledged.add(r);
                failedInARow = 0;
            } catch (UncheckedIOException e) {
                failures.add(e);
                failedInARow++;
            }
        }
        return new Filled(acknowledged, failures);
    }

    @Test
    void onARealTinyFilesystemNoAcknowledgedRecordIsLost() throws Exception {
        Path mountPoint = Files.createDirectories(dir.resolve("tiny"));
        StringBuilder whyNot = new StringBuilder();
        Optional<TinyFilesystem> tiny = TinyFilesystem.mount(mountPoint, "12k", whyNot);
        Assumptions.assumeTrue(tiny.isPresent(), () -> "no tmpfs here (" + whyNot + "); the TinyDisk tests cover this");
        mounted = tiny.get();
        // A page of ballast to free later: tmpfs hands out whole pages.
        Path ballast = Files.write(mountPoint.resolve("ballast"), new byte[4096]);
        TinyDisk counting = new TinyDisk(mountPoint, Long.MAX_VALUE); // only counts; the tmpfs refuses
        Path file = mountPoint.resolve("state.journal");

        fillThenRecover(file, counting, () -> Files.delete(ballast), "tmpfs 12k");
    }

    @Test
    void onAnInjectedTinyDiskNoAcknowledgedRecordIsLost() throws Exception {
        TinyDisk disk = new TinyDisk(dir, 4000);
        Path file = dir.resolve("state.journal");

        fillThenRecover(file, disk, () -> disk.capacity(Long.MAX_VALUE), "TinyDisk 4000 bytes");
    }

    private void fillThenRecover(Path file, TinyDisk disk, Freeing freeSpace, String what) throws Exception {
        Filled filled;
        try (FileStateStore store = new FileStateStore(file, CLOCK, disk)) {
            filled = fill(store, 0);
            assertThat(store.records("bu 1", NOW)).as("memory holds what was acknowledged").containsExactlyElementsOf(sorted(filled.acknowledged()));
        }
        assertThat(filled.acknowledged()).isNotEmpty();
        assertThat(filled.failures()).hasSize(3).allSatisfy(e -> assertThat(e)
                .hasMessageContaining("cannot write state file " + file.toRealPath())
                .hasMessageContaining("No space left on device"));
        long acknowledgedBytes = filled.acknowledged().stream().mapToLong(r -> new JournalEntry.Put(r).line().length() + 1).sum();
        assertThat(Files.size(file)).as("whole lines only").isEqualTo(acknowledgedBytes);

        // Still full: the start-up compaction cannot write its copy, and the store opens all the same.
        try (CapturedWarnings warnings = new CapturedWarnings(); FileStateStore store = new FileStateStore(file, CLOCK, disk)) {
            assertThat(store.records("bu 1", NOW)).containsExactlyElementsOf(sorted(filled.acknowledged()));
            assertThat(store.quarantinedTail()).as("no torn line was left to set aside").isEmpty();
            assertThat(warnings.messages()).anySatisfy(m -> assertThat(m).contains("cannot compact state file"));
        }

        freeSpace.run();
        List<ActivityRecord> all = new ArrayList<>(filled.acknowledged());
        try (FileStateStore store = new FileStateStore(file, CLOCK, disk)) {
            ActivityRecord after = record("after", RecordStatus.CLAIMED);
            assertThat(store.insert(after)).isTrue();
            all.add(after);
        }
        try (FileStateStore store = new FileStateStore(file, CLOCK, disk)) {
            assertThat(store.records("bu 1", NOW)).containsExactlyElementsOf(sorted(all));
            assertThat(store.quarantinedTail()).isEmpty();
        }
        System.out.printf("full disk (%s): %d records acknowledged (%d bytes), %d write calls, %d short, %d refused%n", what,
                filled.acknowledged().size(), acknowledgedBytes, disk.writeCalls, disk.shortWrites, disk.refusedWrites);
        assertThat(disk.shortWrites).as("the disk filled in the middle of a line").isPositive();
    }

    @Test
    void aFailedFsyncIsNotAcknowledgedAndIsCutBack() throws Exception {
        TinyDisk disk = new TinyDisk(dir, Long.MAX_VALUE);
        Path file = dir.resolve("state.journal");
        try (FileStateStore store = new FileStateStore(file, CLOCK, disk)) {
            store.insert(record("a", RecordStatus.CLAIMED));
            disk.failNextForces(1);
            assertThatThrownBy(() -> store.insert(record("b", RecordStatus.CLAIMED)))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot write state file " + file.toRealPath())
                    .hasMessageContaining("Input/output error");
            assertThat(store.records("bu 1", NOW)).extracting(r -> r.key().userId()).containsExactly("a");
            assertThat(store.insert(record("c", RecordStatus.CLAIMED))).isTrue();
        }
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            assertThat(store.records("bu 1", NOW)).extracting(r -> r.key().userId()).containsExactly("a", "c");
            assertThat(store.quarantinedTail()).isEmpty();
        }
    }

    @Test
    void aTornLineThatCouldNotBeCutIsCutBeforeTheNextWrite() throws Exception {
        TinyDisk disk = new TinyDisk(dir, Long.MAX_VALUE);
        Path file = dir.resolve("state.journal");
        try (FileStateStore store = new FileStateStore(file, CLOCK, disk)) {
            store.insert(record("a", RecordStatus.CLAIMED));
            long good = Files.size(file);
            disk.capacity(disk.used() + 30); // room for part of a line
            disk.failNextTruncates(1);
            assertThatThrownBy(() -> store.insert(record("b", RecordStatus.CLAIMED))).isInstanceOf(UncheckedIOException.class)
                    .satisfies(e -> assertThat(e.getCause().getSuppressed()).isNotEmpty());
            assertThat(Files.size(file)).as("the torn part stays for now").isEqualTo(good + 30);
            // Two failures in a row: the second cuts back to the last good line, not to where it began.
            assertThatThrownBy(() -> store.insert(record("c", RecordStatus.CLAIMED))).isInstanceOf(UncheckedIOException.class);
            assertThat(Files.size(file)).isEqualTo(good);
            disk.capacity(Long.MAX_VALUE);
            assertThat(store.insert(record("d", RecordStatus.CLAIMED))).isTrue();
        }
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            assertThat(store.records("bu 1", NOW)).extracting(r -> r.key().userId()).containsExactly("a", "d");
            assertThat(store.quarantinedTail()).as("nothing torn was left").isEmpty();
        }
    }

    @Test
    void aFullDiskAtStartUpWithADamagedTailRefusesToStartAndKeepsTheJournal() throws Exception {
        Path file = dir.resolve("state.journal");
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            store.insert(record("a", RecordStatus.CLAIMED));
        }
        Files.writeString(file, "put\tcut sho", java.nio.file.StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(file);
        TinyDisk full = new TinyDisk(dir, 0);
        assertThatThrownBy(() -> new FileStateStore(file, CLOCK, full))
                .hasMessageContaining("cannot open state file " + file.toRealPath())
                .hasMessageContaining("cannot copy the damaged end of the journal")
                .hasMessageContaining("the journal is unchanged");
        assertThat(file).hasBinaryContent(before);
    }

    private static List<ActivityRecord> sorted(List<ActivityRecord> records) {
        List<ActivityRecord> copy = new ArrayList<>(records);
        copy.sort((x, y) -> x.key().compareTo(y.key()));
        return copy;
    }

    @FunctionalInterface
    interface Freeing {
        void run() throws IOException;
    }
}
