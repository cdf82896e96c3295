package dev.prebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the CLI remembers what it did when the configuration does not say: the XDG state directory. */
class StateDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void xdgStateHomeWhenSetAndAbsolute() {
        assertThat(StateDirectory.journal(Map.of("XDG_STATE_HOME", "/srv/state", "HOME", "/home/ada")))
                .isEqualTo(Path.of("/srv/state/prebreak/state.journal"));
    }

    @Test
    void elseTheHomeDirectoryLocalState() {
        assertThat(StateDirectory.of(Map.of("HOME", "/home/ada"))).isEqualTo(Path.of("/home/ada/.local/state/prebreak"));
        // The XDG specification: a relative path is invalid and is ignored.
        assertThat(StateDirectory.of(Map.of("XDG_STATE_HOME", "state", "HOME", "/home/ada")))
                .isEqualTo(Path.of("/home/ada/.local/state/prebreak"));
    }

    @Test
    void theDirectoryIsMadeForItsOwnerOnly() throws Exception {
        Path journal = StateDirectory.journal(Map.of("XDG_STATE_HOME", dir.toString()));

        StateDirectory.create(journal);

        assertThat(journal.getParent()).isDirectory();
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal.getParent()))).isEqualTo("rwx------");
        }
    }

    @Test
    void theDirectorySystemdGivesTheServiceComesFirst() {
        // systemd sets STATE_DIRECTORY=/var/lib/prebreak for StateDirectory=prebreak; no "prebreak" is added to it.
        assertThat(StateDirectory.journal(Map.of("STATE_DIRECTORY", "/var/lib/prebreak", "XDG_STATE_HOME", "/srv/state",
                "HOME", "/home/ada"))).isEqualTo(Path.of("/var/lib/prebreak/state.journal"));
        assertThat(StateDirectory.of(Map.of("STATE_DIRECTORY", "/var/lib/prebreak:/var/lib/other"))).isEqualTo(Path.of("/var/lib/prebreak"));
        assertThat(StateDirectory.of(Map.of("STATE_DIRECTORY", "relative", "HOME", "/home/ada")))
                .isEqualTo(Path.of("/home/ada/.local/state/prebreak"));
    }
}
