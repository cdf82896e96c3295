package dev.prebreak.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest {
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    @TempDir
    Path dir;

    static ActivityRecord record(String user, RecordStatus status) {
        return new ActivityRecord(new ActivityKey("bu 1", user, NOW.plusSeconds(600), "breaks\tand meals"), status, "pre-break",
                NOW.plusSeconds(1500), NOW);
    }

    @Test
    void survivesARestart() {
        Path file = dir.resolve("state.journal");
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            assertThat(store.insert(record("a", RecordStatus.CLAIMED))).isTrue();
            assertThat(store.replace(record("a", RecordStatus.CLAIMED), record("a", RecordStatus.IN_PRE_BREAK))).isTrue();
            assertThat(store.insert(record("b", RecordStatus.CLAIMED))).isTrue();
            assertThat(store.remove(record("b", RecordStatus.CLAIMED))).isTrue();
        }
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            assertThat(store.records("bu 1", NOW)).containsExactly(record("a", RecordStatus.IN_PRE_BREAK));
        }
    }

    @Test
    void writesAreConditional() {
        try (FileStateStore store = new FileStateStore(dir.resolve("s"), CLOCK)) {
            assertThat(store.insert(record("a", RecordStatus.CLAIMED))).isTrue();
            assertThat(store.insert(record("a", RecordStatus.CLAIMED))).isFalse();
            assertThat(store.replace(record("a", RecordStatus.IN_PRE_BREAK), record("a", RecordStatus.REVERTED))).isFalse();
            assertThat(store.remove(record("a", RecordStatus.IN_PRE_BREAK))).isFalse();
            ActivityRecord reclaimed = new ActivityRecord(record("a", RecordStatus.CLAIMED).key(), RecordStatus.CLAIMED, "pre-break",
                    NOW.plusSeconds(1500), NOW.plusSeconds(60));
            assertThat(store.remove(record("a", RecordStatus.CLAIMED))).isTrue();
            assertThat(store.insert(reclaimed)).isTrue();
            assertThat(store.remove(record("a", RecordStatus.CLAIMED)))
                    .as("a claim released and claimed again by another tick is not the one read before").isFalse();
            assertThat(store.replace(record("a", RecordStatus.CLAIMED), record("a", RecordStatus.CLOSED))).isFalse();
        }
    }

    @Test
    void setsALineCutShortByACrashAsideAndCarriesOn() throws Exception {
        Path file = dir.resolve("state.journal");
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            store.insert(record("a", RecordStatus.IN_PRE_BREAK));
        }
        String whole = Files.readString(file);
        String cut = whole.substring(0, whole.length() / 2).replace("a", "c");
        Files.writeString(file, whole + cut, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            assertThat(store.records("bu 1", NOW)).containsExactly(record("a", RecordStatus.IN_PRE_BREAK));
            assertThat(store.quarantinedTail()).hasValueSatisfying(side -> assertThat(side).hasContent(cut));
            store.insert(record("d", RecordStatus.IN_PRE_BREAK));
        }
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            assertThat(store.records("bu 1", NOW)).extracting(r -> r.key().userId()).containsExactly("a", "d");
            assertThat(store.quarantinedTail()).isEmpty();
        }
    }

    @Test
    void refusesAJournalDamagedBeforeItsLastLine() throws Exception {
        Path file = dir.resolve("state.journal");
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            store.insert(record("a", RecordStatus.IN_PRE_BREAK));
            store.insert(record("b", RecordStatus.IN_PRE_BREAK));
        }
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(0, "put\tgarbage");
        Files.write(file, lines);
        byte[] damaged = Files.readAllBytes(file);
        assertThatThrownBy(() -> new FileStateStore(file, CLOCK))
                .hasMessageContaining("state file " + file.toRealPath() + " is damaged at line 1");
        assertThat(file).as("nothing was changed").hasBinaryContent(damaged);
        // The failed open released its lock: a repaired file opens in the same process.
        Files.write(file, lines.subList(1, lines.size()));
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            assertThat(store.records("bu 1", NOW)).extracting(r -> r.key().userId()).containsExactly("b");
        }
    }

    @Test
    void refusesASecondStoreInThisProcess() throws Exception {
        Path file = dir.resolve("state.journal");
        try (FileStateStore first = new FileStateStore(file, CLOCK)) {
            assertThatThrownBy(() -> new FileStateStore(file, CLOCK))
                    .hasMessageContaining("state file " + file.toRealPath() + " is held by another prebreak");
        }
        try (FileStateStore again = new FileStateStore(file, CLOCK)) {
            assertThat(again.insert(record("a", RecordStatus.CLAIMED))).as("closing let go of the file").isTrue();
        }
    }

    @Test
    void compactsAGrowingJournal() throws Exception {
        Path file = dir.resolve("state.journal");
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            for (int i = 0; i < 1100; i++) {
                store.insert(record("u" + (i % 10), RecordStatus.CLAIMED));
                store.remove(record("u" + (i % 10), RecordStatus.CLAIMED));
            }
            store.insert(record("kept", RecordStatus.IN_PRE_BREAK));
        }
        assertThat(Files.readAllLines(file).size()).isLessThan(1100);
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            assertThat(store.records("bu 1", NOW)).extracting(r -> r.key().userId()).containsExactly("kept");
        }
    }
}
