package dev.prebreak.cli.demo;

import dev.prebreak.cli.serve.TickListener;
import dev.prebreak.core.tick.TickReport;
import java.time.Instant;

/** After each demo tick: count it, then let the world move (schedule edits, agents by hand). */
final class DemoListener implements TickListener {
    private final ScheduleEdits edits;
    private final Progress progress;

    DemoListener(ScheduleEdits edits, Progress progress) {
        this.edits = edits;
        this.progress = progress;
    }

    @Override
    public void ticked(TickReport report) {
        progress.ticked(report);
        edits.after(report);
    }

    @Override
    public void failed(Instant at, RuntimeException error) {
        progress.failed();
    }
}
