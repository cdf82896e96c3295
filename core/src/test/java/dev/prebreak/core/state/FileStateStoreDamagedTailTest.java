package dev.prebreak.core.state;

import static dev.prebreak.core.state.FileStateStoreTest.CLOCK;
import static dev.prebreak.core.state.FileStateStoreTest.NOW;
import static dev.prebreak.core.state.FileStateStoreTest.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the store does with a journal whose end, or middle, is damaged. */
class FileStateStoreDamagedTailTest {
    @TempDir
    Path dir;

    /** The journal of two records, a and b, as the store writes it. */
    private byte[] twoGoodLines() {
        Path file = dir.resolve("state.journal");
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            store.insert(record("a", RecordStatus.IN_PRE_BREAK));
            store.insert(record("b", RecordStatus.CLAIMED));
        }
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<Arguments> damagedTails() {
        String line = new JournalEntry.Put(record("c", RecordStatus.CLAIMED)).line();
        byte[] nuls = new byte[4096];
        return Stream.of(
                Arguments.of("a line cut off", bytes(line.substring(0, line.length() / 2))),
                Arguments.of("a whole line without its newline (never acknowledged)", bytes(line)),
                Arguments.of("a garbage last line", bytes("put\tgarbage\n")),
                Arguments.of("binary garbage", new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0x80, '\n', 'x'}),
                Arguments.of("NUL bytes where a write was lost", nuls),
                Arguments.of("a line cut off, then NUL bytes", concat(bytes(line.substring(0, 40)), nuls)),
                Arguments.of("a line with a NUL in it", bytes(line.substring(0, 20) + "\0" + line.substring(21) + "\n")),
                Arguments.of("several bad lines", bytes("garbage\n\n" + line.substring(0, 30) + "\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedTails")
    void aDamagedTailIsMovedToASideFileWithAWarning(String what, byte[] tail) throws Exception {
        byte[] good = twoGoodLines();
        Path file = dir.resolve("state.journal");
        Files.write(file, concat(good, tail));
        Path side;
        try (CapturedWarnings warnings = new CapturedWarnings(); FileStateStore store = new FileStateStore(file, CLOCK)) {
            assertThat(store.records("bu 1", NOW)).extracting(r -> r.key().userId()).containsExactly("a", "b");
            side = store.quarantinedTail().orElseThrow();
            assertThat(side).hasBinaryContent(tail);
            assertThat(side.getParent()).isEqualTo(file.toRealPath().getParent());
            assertThat(side.getFileName().toString()).isEqualTo("state.journal.damaged-20261124T100000Z");
            assertThat(warnings.messages()).anySatisfy(m -> assertThat(m)
                    .contains("state file " + file.toRealPath(), "ends in " + tail.length + " damaged bytes from line 3", "kept in " + side));
            store.insert(record("d", RecordStatus.CLAIMED));
        }
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            assertThat(store.records("bu 1", NOW)).extracting(r -> r.key().userId()).containsExactly("a", "b", "d");
            assertThat(store.quarantinedTail()).as("the journal was left whole").isEmpty();
        }
        assertThat(side).hasBinaryContent(tail);
    }

    @Test
    void aFileWithNoNewlineAtAllIsMovedAsideWhole() throws Exception {
        Path file = dir.resolve("state.journal");
        byte[] all = bytes(new JournalEntry.Put(record("a", RecordStatus.CLAIMED)).line());
        Files.write(file, all);
        try (CapturedWarnings warnings = new CapturedWarnings(); FileStateStore store = new FileStateStore(file, CLOCK)) {
            assertThat(store.records("bu 1", NOW)).isEmpty();
            assertThat(store.quarantinedTail()).hasValueSatisfying(side -> assertThat(side).hasBinaryContent(all));
            assertThat(warnings.messages()).anySatisfy(m -> assertThat(m).contains("damaged bytes from line 1"));
        }
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void compactionKeepsTheSideFile() throws Exception {
        byte[] good = twoGoodLines();
        Path file = dir.resolve("state.journal");
        byte[] tail = bytes("put\tcut sho");
        Files.write(file, concat(good, tail));
        Path side;
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            side = store.quarantinedTail().orElseThrow();
            for (int i = 0; i < 1100; i++) {
                store.insert(record("u" + (i % 10), RecordStatus.CLAIMED));
                store.remove(record("u" + (i % 10), RecordStatus.CLAIMED));
            }
        }
        assertThat(Files.readAllLines(file)).as("compacted while running: 2,200 changes").hasSizeLessThan(1100);
        try (FileStateStore store = new FileStateStore(file, CLOCK)) { // compacts at start-up again
            assertThat(store.records("bu 1", NOW)).extracting(r -> r.key().userId()).containsExactly("a", "b");
        }
        assertThat(side).hasBinaryContent(tail);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("state.journal", "state.journal.lock", side.getFileName().toString());
        }
    }

    @Test
    void aSecondDamagedTailInTheSameSecondGetsItsOwnSideFile() throws Exception {
        byte[] good = twoGoodLines();
        Path file = dir.resolve("state.journal");
        Files.write(file, concat(good, bytes("first")));
        Path first;
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            first = store.quarantinedTail().orElseThrow();
        }
        Files.write(file, bytes("second"), java.nio.file.StandardOpenOption.APPEND);
        try (FileStateStore store = new FileStateStore(file, CLOCK)) {
            Path second = store.quarantinedTail().orElseThrow();
            assertThat(second).isNotEqualTo(first).hasContent("second");
            assertThat(second.getFileName().toString()).endsWith("-2");
        }
        assertThat(first).hasContent("first");
    }

    static Stream<Arguments> damagedMiddles() {
        return Stream.of(
                Arguments.of("a garbage line", bytes("put\tgarbage\n")),
                Arguments.of("NUL bytes", concat(new byte[512], bytes("\n"))),
                Arguments.of("an empty line", bytes("\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedMiddles")
    void damageBeforeReadableLinesIsAnErrorThatChangesNothing(String what, byte[] damage) throws Exception {
        byte[] good = twoGoodLines();
        int firstLineEnd = indexOf(good, (byte) '\n') + 1;
        byte[] damaged = concat(Arrays.copyOf(good, firstLineEnd), damage, Arrays.copyOfRange(good, firstLineEnd, good.length));
        Path file = dir.resolve("state.journal");
        Files.write(file, damaged);

        assertThatThrownBy(() -> new FileStateStore(file, CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("state file " + file.toRealPath() + " is damaged at line 2")
                .hasMessageContaining("Nothing was changed");
        assertThat(file).hasBinaryContent(damaged);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("damaged"));
        }
        assertThatThrownBy(() -> FileStateStore.snapshot(file)).hasMessageContaining("is damaged at line 2");
    }

    @Test
    void aSnapshotLeavesADamagedTailOutAndWhereItIs() throws Exception {
        byte[] good = twoGoodLines();
        Path file = dir.resolve("state.journal");
        byte[] damaged = concat(good, bytes("put\tcut sho"));
        Files.write(file, damaged);
        assertThat(FileStateStore.snapshot(file).records("bu 1", NOW)).extracting(r -> r.key().userId()).containsExactly("a", "b");
        assertThat(file).hasBinaryContent(damaged);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("damaged"));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
