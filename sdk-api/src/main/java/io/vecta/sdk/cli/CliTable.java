package io.vecta.sdk.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A table a person can scan: each column as wide as its widest cell, columns two spaces apart,
 * text left-aligned and numbers right-aligned by choice of column, no trailing spaces. The
 * header line is left out when every header is empty.
 *
 * <pre>{@code
 * CliTable table = new CliTable().left("Name").right("Idx").left("State");
 * table.row("eth0", 1, "up");
 * table.row("loop0", 12, "down");
 * out.table(table);
 * }</pre>
 * prints
 * <pre>
 * Name   Idx  State
 * eth0     1  up
 * loop0   12  down
 * </pre>
 */
public final class CliTable {

    /** How a column's cells sit in its width. */
    public enum Align {
        /** Text: flush left. */
        LEFT,
        /** Numbers: flush right, so that digits line up. */
        RIGHT
    }

    private static final String GAP = "  ";

    private final List<String> headers = new ArrayList<>();
    private final List<Align> aligns = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private String indent = "";

    /** Adds a column. Columns are added before any row. */
    public CliTable column(String header, Align align) {
        if (!rows.isEmpty()) {
            throw new IllegalStateException("table column '" + header + "' added after " + rows.size() + " rows");
        }
        headers.add(header);
        aligns.add(align);
        return this;
    }

    /** Adds a left-aligned column. */
    public CliTable left(String header) {
        return column(header, Align.LEFT);
    }

    /** Adds a right-aligned column. */
    public CliTable right(String header) {
        return column(header, Align.RIGHT);
    }

    /** Starts every line with {@code spaces} spaces, as help listings do. */
    public CliTable indent(int spaces) {
        indent = " ".repeat(spaces);
        return this;
    }

    /**
     * Adds a row of one cell per column, each printed with {@link String#valueOf(Object)}
     * ({@code null} as an empty cell).
     *
     * @throws IllegalArgumentException if the count of cells is not the count of columns
     */
    public CliTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("table row has " + cells.length + " cells for " + headers.size()
                    + " columns " + headers);
        }
        String[] row = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            row[i] = cells[i] == null ? "" : String.valueOf(cells[i]);
        }
        rows.add(row);
        return this;
    }

    /** How many rows were added. */
    public int rowCount() {
        return rows.size();
    }

    /** The table's text, one line per row, each ending with a newline. */
    public String render() {
        boolean withHeader = headers.stream().anyMatch(h -> !h.isEmpty());
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = withHeader ? headers.get(i).length() : 0;
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        if (withHeader) {
            line(text, headers.toArray(String[]::new), widths);
        }
        for (String[] row : rows) {
            line(text, row, widths);
        }
        return text.toString();
    }

    private void line(StringBuilder text, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(GAP);
            }
            String pad = " ".repeat(widths[i] - cells[i].length());
            if (aligns.get(i) == Align.RIGHT) {
                line.append(pad).append(cells[i]);
            } else {
                line.append(cells[i]).append(pad);
            }
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
