package dev.prebreak.core.state;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of the file store's journal: a record written, or a record deleted. Fields are separated by
 * tabs and every free-text field is URL-encoded, so a line is printable ASCII and tabs only: anything
 * else in a line (a NUL, a stray byte) marks it as damaged.
 */
sealed interface JournalEntry {
    String PUT = "put";
    String DELETE = "del";

    /** The line as written to the journal, without its newline. */
    String line();

    void applyTo(InMemoryStateStore records);

    record Put(ActivityRecord record) implements JournalEntry {
        @Override
        public String line() {
            ActivityKey k = record.key();
            return String.join("\t", PUT, enc(k.businessUnitId()), enc(k.userId()), k.activityStart().toString(), enc(k.ruleName()),
                    record.status().name(), record.presenceId() == null ? "" : enc(record.presenceId()),
                    record.activityEnd().toString(), record.updatedAt().toString());
        }

        @Override
        public void applyTo(InMemoryStateStore records) {
            records.put(record);
        }
    }

    record Delete(ActivityKey key) implements JournalEntry {
        @Override
        public String line() {
            return String.join("\t", DELETE, enc(key.businessUnitId()), enc(key.userId()), key.activityStart().toString(), enc(key.ruleName()));
        }

        @Override
        public void applyTo(InMemoryStateStore records) {
            records.delete(key);
        }
    }

    /** The entry a line holds, or empty when the line cannot be read. */
    static Optional<JournalEntry> parse(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != '\t' && (b < 0x20 || b > 0x7e)) {
                return Optional.empty();
            }
        }
        String[] f = new String(bytes, from, to - from, StandardCharsets.US_ASCII).split("\t", -1);
        try {
            if (f[0].equals(PUT) && f.length == 9) {
                return Optional.of(new Put(new ActivityRecord(key(f), RecordStatus.valueOf(f[5]), f[6].isEmpty() ? null : dec(f[6]),
                        Instant.parse(f[7]), Instant.parse(f[8]))));
            }
            if (f[0].equals(DELETE) && f.length == 5) {
                return Optional.of(new Delete(key(f)));
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static ActivityKey key(String[] f) {
        return new ActivityKey(dec(f[1]), dec(f[2]), Instant.parse(f[3]), dec(f[4]));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
