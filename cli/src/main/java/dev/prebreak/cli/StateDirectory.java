package dev.prebreak.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;

/**
 * Where the CLI keeps what it must remember between runs when the configuration does not say: the
 * directory systemd gives a service ({@code $STATE_DIRECTORY}, with {@code StateDirectory=prebreak}); else the
 * XDG base directory for state ({@code $XDG_STATE_HOME/prebreak}, else {@code ~/.local/state/prebreak});
 * on Windows {@code %LOCALAPPDATA%\prebreak}. The journal holds agent ids, so the directory is made
 * readable by its owner only.
 */
public final class StateDirectory {
    /** The journal's name inside the directory. */
    public static final String JOURNAL = "state.journal";

    private StateDirectory() {
    }

    /** The directory, from the given environment (tests pass their own). */
    public static Path of(Map<String, String> environment) {
        // Under systemd with StateDirectory=prebreak: the directory systemd made, owns for the service's
        // user and leaves writable under ProtectSystem=strict (a list, colon-separated, names the first first).
        String systemd = environment.get("STATE_DIRECTORY");
        if (systemd != null && !systemd.isBlank()) {
            Path first = Path.of(systemd.split(":", -1)[0]);
            if (first.isAbsolute()) {
                return first;
            }
        }
        String xdg = environment.get("XDG_STATE_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "prebreak");
        }
        String localAppData = environment.get("LOCALAPPDATA");
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") && localAppData != null) {
            return Path.of(localAppData, "prebreak");
        }
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".local", "state", "prebreak");
    }

    /** The default journal of the file store. */
    public static Path journal(Map<String, String> environment) {
        return of(environment).resolve(JOURNAL);
    }

    /** Creates the journal's directory (owner only, where the file system has POSIX permissions) if it is missing. */
    static void create(Path journal) {
        Path dir = journal.toAbsolutePath().getParent();
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            try {
                Files.createDirectories(dir);
            } catch (IOException again) {
                throw new java.io.UncheckedIOException("cannot create the state directory " + dir + ": " + again, again);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // made meanwhile by another run
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create the state directory " + dir + ": " + e, e);
        }
    }
}
