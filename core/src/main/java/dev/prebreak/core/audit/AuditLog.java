package dev.prebreak.core.audit;

/** Where audit records go: a log stream, a file, a table. Must not throw for a single bad record. */
@FunctionalInterface
public interface AuditLog {
    void record(AuditRecord record);

    AuditLog NONE = record -> { };
}
