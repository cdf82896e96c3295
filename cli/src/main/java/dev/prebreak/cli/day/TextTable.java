package dev.prebreak.cli.day;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Rows of text in aligned columns: the leading ones left-aligned (names), the others right-aligned (counts). */
final class TextTable {
    private final List<List<String>> rows = new ArrayList<>();
    private final int leftAligned;

    /** A table whose first {@code leftAligned} columns are names. */
    TextTable(int leftAligned) {
        this.leftAligned = leftAligned;
    }

    TextTable row(List<String> cells) {
        rows.add(List.copyOf(cells));
        return this;
    }

    void print(PrintWriter out, String indent) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        });
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.size(); i++) {
                String cell = r.get(i);
                String gap = " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? "" : "  ").append(i < leftAligned ? cell + gap : gap + cell);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
