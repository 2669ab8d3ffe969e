package io.vecta.runtime.show;

import java.util.ArrayList;
import java.util.List;

/**
 * A table laid out as vppinfra's {@code format_table} lays out tables (without its colours):
 * each column as wide as its widest cell or heading, headings centred (the odd space on the
 * right), cells on the right unless their column is on the left, one space between columns.
 *
 * <pre>
 * ID   Name     LWP  CPU   Sched   Loops
 *  0 vecta_main 2117   1 other (0) 27431
 * </pre>
 */
final class TextTable {

    private final List<String> headings = new ArrayList<>();
    private final List<Boolean> leftAligned = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    /** Adds a column whose cells are on the right. */
    TextTable column(String heading) {
        headings.add(heading);
        leftAligned.add(false);
        return this;
    }

    /** Adds a column whose cells are on the left. */
    TextTable leftColumn(String heading) {
        headings.add(heading);
        leftAligned.add(true);
        return this;
    }

    /**
     * Adds a row of one cell per column.
     *
     * @throws IllegalArgumentException if the row has another number of cells
     */
    TextTable row(Object... cells) {
        if (cells.length != headings.size()) {
            throw new IllegalArgumentException("table of " + headings.size() + " columns " + headings
                    + " given a row of " + cells.length + " cells");
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    /** The table, a line per row after the headings, each line ended. */
    String format() {
        int[] widths = new int[headings.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headings.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String heading = headings.get(c);
            int left = (widths[c] - heading.length()) / 2;
            out.append(c == 0 ? "" : " ").append(" ".repeat(left)).append(heading)
                    .append(" ".repeat(widths[c] - heading.length() - left));
        }
        out.append('\n');
        for (List<String> row : rows) {
            for (int c = 0; c < widths.length; c++) {
                String cell = row.get(c);
                String padding = " ".repeat(widths[c] - cell.length());
                out.append(c == 0 ? "" : " ").append(leftAligned.get(c) ? cell + padding : padding + cell);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
