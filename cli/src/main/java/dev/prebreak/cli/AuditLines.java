package dev.prebreak.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prebreak.core.audit.AuditLog;
import dev.prebreak.core.audit.AuditRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Audit records as JSON lines appended to a file, one per presence change. */
final class AuditLines implements AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    AuditLines(Path file) {
        this.file = file;
    }

    static String json(AuditRecord r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("at", r.at().toString());
        o.put("businessUnitId", r.businessUnitId());
        o.put("userId", r.userId());
        if (!r.agentName().isEmpty()) {
            o.put("agentName", r.agentName());
        }
        o.put("kind", r.kind().name());
        o.put("rule", r.ruleName());
        o.put("activityStart", String.valueOf(r.activityStart()));
        if (r.activityStart() != null) {
            // For people reading the audit: the time as the business unit's schedules show it.
            o.put("activityStartLocal", r.activityStart().atZone(r.timeZone()).toOffsetDateTime().toString());
        }
        // On every record, also without an activity: `report` reads a unit's day in this zone.
        o.put("timeZone", r.timeZone().getId());
        o.put("fromPresenceId", r.fromPresenceId());
        o.put("toPresenceId", r.toPresenceId());
        o.put("outcome", r.outcome().name());
        if (!r.detail().isEmpty()) {
            o.put("detail", r.detail());
        }
        return o.toString();
    }

    @Override
    public synchronized void record(AuditRecord record) {
        try {
            Files.writeString(file, json(record) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to audit file " + file, e);
        }
    }
}
