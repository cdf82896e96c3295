package dev.prebreak.core.audit;

/**
 * Opens the audit table the Lambda writes. Implementations are found with {@link java.util.ServiceLoader},
 * so only where a module that can read such tables is on the class path (the aws module, with the AWS
 * SDK): the command line keeps no cloud SDK of its own, and still reads a table when given one.
 */
public interface AuditTables {
    AuditSource open(AuditTable table);
}
