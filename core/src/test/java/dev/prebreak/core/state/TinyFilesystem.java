package dev.prebreak.core.state;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real tmpfs of a few KiB mounted on a test's directory, where the test may mount one (Linux, as
 * root or with CAP_SYS_ADMIN); tests fall back to {@link TinyDisk} elsewhere.
 */
final class TinyFilesystem implements AutoCloseable {
    private final Path mountPoint;

    private TinyFilesystem(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code size} (as mount takes it: "12k") on {@code mountPoint}, or says why it cannot. */
    static Optional<TinyFilesystem> mount(Path mountPoint, String size, StringBuilder whyNot) {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            whyNot.append("not Linux");
            return Optional.empty();
        }
        try {
            String out = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "prebreak-test", mountPoint.toString());
            if (out == null) {
                return Optional.of(new TinyFilesystem(mountPoint));
            }
            whyNot.append("mount failed: ").append(out.strip());
        } catch (IOException e) {
            whyNot.append("cannot run mount: ").append(e.getMessage());
        }
        return Optional.empty();
    }

    /** Runs a command; null when it succeeded, else what it said. */
    private static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return "interrupted";
        }
        String out = new String(p.getInputStream().readAllBytes());
        return p.exitValue() == 0 ? null : out;
    }

    @Override
    public void close() throws IOException {
        String out = run("umount", mountPoint.toString());
        if (out != null) {
            throw new IOException("cannot unmount the test tmpfs at " + mountPoint + ": " + out);
        }
    }
}
