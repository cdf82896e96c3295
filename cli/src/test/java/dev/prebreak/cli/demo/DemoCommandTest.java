package dev.prebreak.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.cli.PrebreakCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The README's main command, end to end: the demo runs, exits 0 and reports precision from the ground truth. */
class DemoCommandTest {
    @Test
    void runsAShiftAndReportsEveryPreBreakWithinOneTick() {
        StringWriter out = new StringWriter();
        int code = PrebreakCommand.commandLine().setOut(new PrintWriter(out))
                .execute("demo", "--agents", "150", "--hours", "2", "--seed", "11", "--timeline", "0");
        String text = out.toString();
        assertThat(code).as(text).isZero();
        assertThat(text).containsPattern("timeline \\([A-Za-z]+/[A-Za-z_]+; times from the simulator's ground-truth presence log");
        assertThat(text).contains("summary: 2h00m of virtual time", "0 late");
        assertThat(text).containsPattern("breaks +\\d+ agents set to Pre-Break");
        assertThat(text).containsPattern("(\\d+) of \\1 within one tick of the target");
        assertThat(text).contains("Pre-Break for the break at", "lead 15:00", "back On Queue: the ");
        // Grammar: "the break at 18:45 was moved", never "the breaks at 18:45 was moved or removed".
        assertThat(text).containsPattern("back On Queue: the (break|meal) at \\d\\d:\\d\\d was (moved|removed) \\(revert\\)");
        assertThat(text).doesNotContain("the breaks at", "the meals at");
        // Each skip count on a line of its own that says what it means.
        assertThat(text).containsPattern("\\n +\\d+ [A-Z_]+ +\\S.*\\n");
        assertThat(text).doesNotContain("FAILED");
    }

    /** Fails before: a negative or zero duration was accepted. */
    @Test
    void aDurationThatIsNotPositiveIsRefused() {
        StringWriter err = new StringWriter();
        int code = PrebreakCommand.commandLine().setErr(new PrintWriter(err)).execute("demo", "--hours", "-1");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--hours: must be more than 0 and at most 24, got -1.0");
    }

    /** Fails before: 14:59.7 of lead was cut to 14:59, so a pre-break set exactly on time read as a second late. */
    @Test
    void leadsAreRoundedToTheNearestSecond() {
        assertThat(Timeline.minutesSeconds(java.time.Duration.ofMillis(14 * 60_000 + 59_700))).isEqualTo("15:00");
        assertThat(Timeline.minutesSeconds(java.time.Duration.ofMillis(14 * 60_000 + 59_200))).isEqualTo("14:59");
        assertThat(Timeline.minutesSeconds(java.time.Duration.ofMinutes(15))).isEqualTo("15:00");
    }
}
