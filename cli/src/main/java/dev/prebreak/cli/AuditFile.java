package dev.prebreak.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.audit.AuditSource;
import dev.prebreak.core.audit.AuditUnreadableException;
import dev.prebreak.core.plan.ActionKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The audit file {@link AuditLines} appends to, read back. A line that cannot be read (the end of a line
 * cut short by a crash, say) is passed over and counted, never fatal: the rest of the day still counts.
 */
public final class AuditFile implements AuditSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private int unreadable;

    public AuditFile(Path file) {
        this.file = file;
    }

    /** Lines of the last {@link #read} that were not audit records. */
    public int unreadableLines() {
        return unreadable;
    }

    @Override
    public List<AuditRecord> read(Set<String> units, Instant from, Instant to) {
        unreadable = 0;
        List<AuditRecord> records = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                AuditRecord r = parse(line);
                if (r == null) {
                    unreadable++;
                } else if (!r.at().isBefore(from) && r.at().isBefore(to)
                        && (units.isEmpty() || units.contains(r.businessUnitId()))) {
                    records.add(r);
                }
            }
        } catch (NoSuchFileException e) {
            throw new AuditUnreadableException("no audit file " + file + " (serve and run write one with --audit FILE)", e);
        } catch (IOException e) {
            throw new AuditUnreadableException("cannot read the audit file " + file + ": " + e.getMessage(), e);
        }
        // Appended in the order writes ended; two ticks' records may interleave at the edges.
        records.sort(Comparator.comparing(AuditRecord::at));
        return records;
    }

    /** One line as {@link AuditLines#json} wrote it; null when it is not such a line. */
    static AuditRecord parse(String line) {
        try {
            JsonNode o = JSON.readTree(line);
            if (o == null || !o.isObject()) {
                return null;
            }
            return new AuditRecord(Instant.parse(o.path("at").asText()), text(o, "businessUnitId"), o.path("userId").asText(),
                    ActionKind.valueOf(o.path("kind").asText()), text(o, "rule"), instant(text(o, "activityStart")),
                    text(o, "fromPresenceId"), text(o, "toPresenceId"), Outcome.valueOf(o.path("outcome").asText()),
                    text(o, "detail"), text(o, "agentName"), zone(text(o, "timeZone")));
        } catch (JsonProcessingException | DateTimeException | IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static String text(JsonNode o, String name) {
        JsonNode value = o.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(String text) {
        // AuditLines writes a record without an activity as the text "null".
        return text == null || text.equals("null") ? null : Instant.parse(text);
    }

    private static ZoneId zone(String id) {
        return id == null ? null : ZoneId.of(id);
    }
}
