package dev.prebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code ./prebreak} with its class-data-sharing archive, on a stand-in jar that
 * prints one line of JSON: whatever the archive's state, stdout holds that line and nothing else.
 * Before, an archive older than the jar (after {@code mvn verify} rebuilt it) made the JVM print
 * {@code [warning][cds,dynamic] Unable to use shared archive} on stdout at every command.
 */
class LauncherTest {
    private static final String JSON = "{\"ok\":true}";

    @TempDir
    Path root;
    private Path jar;
    private Path archive;

    @BeforeEach
    void aCheckoutWithABuiltJar() throws Exception {
        Path script = Path.of("").toAbsolutePath().getParent().resolve("prebreak");
        Files.copy(script, root.resolve("prebreak"));
        for (String module : List.of("core", "sim", "genesys", "cli/target")) {
            Files.createDirectories(root.resolve(module));
        }
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        jar = root.resolve("cli/target/prebreak.jar");
        archive = root.resolve("cli/target/prebreak.jsa");
        writeProbeJar(jar);
        // The JVM tells a jar from the one its archive was made for by size and modification second: the
        // same bytes rewritten within that second would match. The first build is made to look older.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(10)));
    }

    @Test
    void anArchiveOlderThanTheJarIsMadeAgainAndStdoutStaysJson() throws Exception {
        makeArchive();
        rebuildJarLater(); // as mvn verify does

        Result run = launch("run", "--json");

        assertThat(run.stdout()).isEqualTo(JSON + "\n");
        assertThat(Files.getLastModifiedTime(archive)).as("the archive, made again for the new jar")
                .isGreaterThan(Files.getLastModifiedTime(jar));
        assertThat(launch("run", "--json").all()).doesNotContain("warning");
    }

    @Test
    void warningsOfTheJvmGoToStderrNeverStdout() throws Exception {
        makeArchive();
        rebuildJarLater();
        // An archive that does not match the jar but looks newer: the launcher keeps it, the JVM warns.
        Files.setLastModifiedTime(archive, FileTime.from(Files.getLastModifiedTime(jar).toInstant().plusSeconds(10)));

        Result run = launch("run", "--json");

        assertThat(run.stdout()).isEqualTo(JSON + "\n");
        assertThat(run.stderr()).contains("Unable to use shared archive");
    }

    private record Result(String stdout, String stderr) {
        String all() {
            return stdout + stderr;
        }
    }

    private Result launch(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", root.resolve("prebreak").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("PREBREAK_JAVA_OPTS");
        Path out = root.resolve("stdout");
        Path err = root.resolve("stderr");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(Files.readString(out), Files.readString(err));
    }

    private void makeArchive() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString()).redirectErrorStream(true)
                .redirectOutput(root.resolve("archive.log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(archive).exists();
    }

    /** A new jar, as a build makes it; the archive made for the old one now looks (and is) older. */
    private void rebuildJarLater() throws IOException {
        writeProbeJar(jar);
        Files.setLastModifiedTime(archive, FileTime.from(Files.getLastModifiedTime(jar).toInstant().minusSeconds(5)));
    }

    /** A jar whose main class prints one line of JSON, whatever the arguments. */
    private void writeProbeJar(Path target) throws IOException {
        Path src = root.resolve("probe-src/Probe.java");
        Path classes = root.resolve("probe-classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, "public class Probe { public static void main(String[] a) { System.out.println(\""
                + JSON.replace("\"", "\\\"") + "\"); } }");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
        assertThat(rc).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Probe");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
            out.putNextEntry(new JarEntry("Probe.class"));
            out.write(Files.readAllBytes(classes.resolve("Probe.class")));
            out.closeEntry();
        }
    }
}
