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
        assertThat(text).contains("timeline (UTC", "summary: 2h00m of virtual time", "0 late");
        assertThat(text).containsPattern("breaks +\\d+ agents set to Pre-Break");
        assertThat(text).containsPattern("(\\d+) of \\1 within one tick of the target");
        assertThat(text).contains("Pre-Break for breaks at", "back On Queue: the ");
        assertThat(text).doesNotContain("FAILED");
    }
}
