package dev.prebreak.core.state;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another prebreak process, for the lock tests: file locks belong to a process, so only a second
 * process shows what a second daemon would meet. It opens the store named by its first argument,
 * inserts nothing, and prints "opened" or "refused: " and the message.
 */
public final class SecondProcess {
    public static void main(String[] args) {
        Clock clock = Clock.fixed(Instant.parse(args[1]), ZoneOffset.UTC);
        try (FileStateStore store = new FileStateStore(Path.of(args[0]), clock)) {
            System.out.println("opened " + store.file());
        } catch (RuntimeException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }

    /** Runs one with the classes of this build; returns what it printed. */
    static String open(Path file, Instant now) throws IOException, InterruptedException {
        String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = String.join(java.io.File.pathSeparator, location(FileStateStore.class), location(SecondProcess.class));
        List<String> command = new ArrayList<>(List.of(launcher, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                SecondProcess.class.getName(), file.toString(), now.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the second process did not finish in 60 s");
        }
        return new String(p.getInputStream().readAllBytes()).strip();
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
