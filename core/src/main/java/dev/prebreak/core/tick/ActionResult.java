package dev.prebreak.core.tick;

import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.plan.Action;
import java.util.Objects;
import java.util.Optional;

/** How one planned change went. */
public record ActionResult(Action action, Outcome outcome, Optional<String> error) {
    public ActionResult {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        error = Objects.requireNonNullElse(error, Optional.empty());
    }
}
