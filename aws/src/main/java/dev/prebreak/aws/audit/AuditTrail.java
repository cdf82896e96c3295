package dev.prebreak.aws.audit;

import dev.prebreak.core.audit.AuditLog;
import dev.prebreak.core.audit.AuditRecord;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each audit record to several logs; one log failing does not keep it from the others. */
public final class AuditTrail implements AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private final List<AuditLog> logs;

    public AuditTrail(List<AuditLog> logs) {
        this.logs = List.copyOf(logs);
    }

    @Override
    public void record(AuditRecord record) {
        for (AuditLog log : logs) {
            try {
                log.record(record);
            } catch (RuntimeException e) {
                LOG.warn("an audit log refused a record: {}", e.toString());
            }
        }
    }
}
