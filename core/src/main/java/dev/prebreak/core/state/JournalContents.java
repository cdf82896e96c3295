package dev.prebreak.core.state;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the bytes of a journal hold: the entries of its whole, readable lines, and where a damaged tail
 * starts, if it has one.
 *
 * <p>A tail is everything after the last readable line when nothing readable follows: a line cut short
 * (no newline yet), a garbage or NUL-filled last line, or a file with no newline at all. A crash or a
 * full disk in the middle of a write leaves exactly that. A bad line with readable lines after it is
 * something else (the file was damaged where it had been written well), and reading stops with an error:
 * replaying around it could mean acting twice on an activity.
 *
 * @param goodEnd the offset just past the last readable line
 * @param size the length of the whole file
 * @param firstDamagedLine the line number (from 1) the damaged tail starts at; 0 when there is none
 */
record JournalContents(List<JournalEntry> entries, long goodEnd, long size, int firstDamagedLine) {

    static JournalContents read(byte[] bytes, Path file) {
        List<JournalEntry> entries = new ArrayList<>();
        int goodEnd = 0;
        int firstBad = 0;
        int line = 0;
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            line++;
            var entry = JournalEntry.parse(bytes, start, i);
            if (entry.isPresent()) {
                if (firstBad != 0) {
                    throw new IllegalStateException("state file " + file + " is damaged at line " + firstBad
                            + ": it cannot be read, yet line " + line + " after it can, so this is not a write cut short by a crash."
                            + " Nothing was changed. Restore the file from a backup, or move it aside (prebreak then starts"
                            + " with no memory of past actions)");
                }
                entries.add(entry.get());
                goodEnd = i + 1;
            } else if (firstBad == 0) {
                firstBad = line;
            }
            start = i + 1;
        }
        if (start < bytes.length && firstBad == 0) {
            firstBad = line + 1; // a last line without its newline was never acknowledged
        }
        return new JournalContents(List.copyOf(entries), goodEnd, bytes.length, firstBad);
    }

    boolean hasDamagedTail() {
        return goodEnd < size;
    }
}
