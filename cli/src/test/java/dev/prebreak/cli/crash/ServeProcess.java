package dev.prebreak.cli.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code prebreak serve} as a real process (java -cp of the test classpath, dev.prebreak.cli.Main), as
 * ServeProcessTest starts it. Its output (stderr merged) goes to the {@link Account} line by line; ticks it
 * reports are kept, so the verdict can tell when prebreak was up. Kill it with {@link #kill()} (SIGKILL)
 * or stop it with {@link #stop(Duration)} (SIGTERM).
 */
final class ServeProcess {
    /** "2026-...Z tick: 3 changed, 0 failed, 12 skipped, 9 API calls", possibly ending "  FAILED: ...". */
    private static final Pattern TICK = Pattern.compile("^(\\S+) tick: (.*)$");
    private static final Pattern FAILED_WRITES = Pattern.compile("(\\d+) failed");

    /** A tick the process reported as finished: as of {@code at}, with {@code failedWrites} writes failed. */
    record Tick(int process, Instant at, int failedWrites, boolean failed) {
        /** Finished with every write done and the tick not failed. */
        boolean clean() {
            return failedWrites == 0 && !failed;
        }
    }

    private final int number;
    private final Account account;
    private final Process process;
    private final Instant spawned;
    private final Thread reader;
    private final List<String> lines = new ArrayList<>();
    private final List<Tick> ticks = new ArrayList<>();
    private boolean ended;
    private Instant killedAt;

    private ServeProcess(int number, Account account, Process process, Instant spawned) {
        this.number = number;
        this.account = account;
        this.process = process;
        this.spawned = spawned;
        this.reader = new Thread(this::read, "serve-" + number + "-output");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Starts {@code serve} on {@code config}, appending audit records to {@code audit}. */
    static ServeProcess start(int number, Account account, Path config, Path audit) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Start-up speed only; it changes nothing of what prebreak does.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "dev.prebreak.cli.Main",
                "serve", "--config", config.toString(), "--status-port", "0", "--audit", audit.toString())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("PREBREAK_"));
        Instant spawned = Instant.now();
        Process process = builder.start();
        account.note(name(number), "started (pid " + process.pid() + ")");
        return new ServeProcess(number, account, process, spawned);
    }

    private static String name(int number) {
        return "serve#" + number;
    }

    String name() {
        return name(number);
    }

    Instant spawned() {
        return spawned;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                account.note(name(), line);
                Matcher m = TICK.matcher(line);
                Tick tick = null;
                if (m.find()) {
                    Matcher failed = FAILED_WRITES.matcher(m.group(2));
                    try {
                        tick = new Tick(number, Instant.parse(m.group(1)), failed.find() ? Integer.parseInt(failed.group(1)) : 0,
                                m.group(2).contains("FAILED"));
                    } catch (DateTimeParseException | NumberFormatException e) {
                        tick = null; // a line that only looks like a tick
                    }
                }
                synchronized (this) {
                    lines.add(line);
                    if (tick != null) {
                        ticks.add(tick);
                    }
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process was killed: its output ends here
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** Waits at most {@code timeout} for a line matching {@code wanted}; false if none came (or the process ended). */
    synchronized boolean awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        for (int seen = 0; ; ) {
            for (; seen < lines.size(); seen++) {
                if (wanted.test(lines.get(seen))) {
                    return true;
                }
            }
            long left = end - System.nanoTime();
            if (ended || left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits at most {@code timeout} for a reported tick matching {@code wanted}. */
    synchronized boolean awaitTick(Predicate<Tick> wanted, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        for (int seen = 0; ; ) {
            for (; seen < ticks.size(); seen++) {
                if (wanted.test(ticks.get(seen))) {
                    return true;
                }
            }
            long left = end - System.nanoTime();
            if (ended || left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized List<Tick> ticks() {
        return List.copyOf(ticks);
    }

    synchronized boolean ended() {
        return ended;
    }

    /** When the killed process was seen gone; null if it was not killed. */
    Instant killedAt() {
        return killedAt;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL (Process.destroyForcibly on Linux), then waits until the process is gone and its lock with it. */
    void kill(String why) throws InterruptedException {
        boolean wasAlive = process.isAlive();
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name() + " survived SIGKILL for 30 s");
        }
        killedAt = Instant.now(); // gone by now: no tick of it started later
        account.note("test", "KILL -9 " + name() + " " + why + (wasAlive ? "" : " (it had already exited: " + process.exitValue() + ")"));
        reader.join(5_000);
    }

    /** SIGTERM: finishes the tick in progress and exits. Returns the exit code. */
    int stop(Duration timeout) throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            account.note("test", name() + " did not stop on SIGTERM within " + timeout.toSeconds() + " s; killing it");
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        reader.join(5_000);
        account.note("test", name() + " exited with " + process.exitValue());
        return process.exitValue();
    }

    /** Last resort for a test that failed half way: never leaves a process behind. */
    void destroy() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
