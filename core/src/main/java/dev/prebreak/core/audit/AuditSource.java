package dev.prebreak.core.audit;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Where audit records are read back from, for people asking what prebreak did: the file the daemon
 * appends to, or the table the Lambda writes.
 */
public interface AuditSource extends AutoCloseable {
    /**
     * The records of the business units in {@code units} (every unit the source holds when empty) whose
     * time is at or after {@code from} and before {@code to}, oldest first.
     *
     * @throws AuditUnreadableException when the source cannot be read, saying why for the person who asked
     */
    List<AuditRecord> read(Set<String> units, Instant from, Instant to);

    /** Lets go of connections; reading holds nothing that outlives the process otherwise. */
    @Override
    default void close() {
    }
}
