package dev.prebreak.aws.audit;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import dev.prebreak.core.audit.AuditLog;
import dev.prebreak.core.audit.AuditRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audit records as JSON log lines on the logger {@code prebreak.audit}, one per change, with every
 * field as its own key so that CloudWatch Logs Insights can filter on them
 * ({@code filter audit.outcome = "FAILED"}).
 */
public final class LoggedAudit implements AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger("prebreak.audit");

    @Override
    public void record(AuditRecord r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("at", r.at().toString());
        fields.put("businessUnitId", r.businessUnitId());
        fields.put("userId", r.userId());
        fields.put("kind", r.kind().name());
        fields.put("ruleName", r.ruleName());
        fields.put("activityStart", r.activityStart() == null ? null : r.activityStart().toString());
        fields.put("fromPresenceId", r.fromPresenceId());
        fields.put("toPresenceId", r.toPresenceId());
        fields.put("outcome", r.outcome().name());
        fields.put("detail", r.detail());
        // No placeholders: the structured argument becomes the "audit" object of the JSON line.
        String message = "presence change " + r.kind() + " " + r.outcome() + " for user " + r.userId();
        if (r.outcome() == AuditRecord.Outcome.FAILED) {
            LOG.warn(message, entry("audit", fields));
        } else {
            LOG.info(message, entry("audit", fields));
        }
    }
}
