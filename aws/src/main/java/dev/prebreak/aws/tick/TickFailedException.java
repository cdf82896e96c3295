package dev.prebreak.aws.tick;

import java.util.List;

/**
 * Some business unit could not be ticked. Thrown out of the handler so that Lambda counts an error:
 * Scheduler's retry policy, the dead-letter queue and the Errors alarm all depend on it.
 */
public class TickFailedException extends RuntimeException {
    private final List<String> failures;

    public TickFailedException(List<String> failures) {
        super("tick failed for " + failures.size() + (failures.size() == 1 ? " business unit: " : " business units: ")
                + String.join("; ", failures));
        this.failures = List.copyOf(failures);
    }

    public List<String> failures() {
        return failures;
    }
}
