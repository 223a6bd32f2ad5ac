package com.acme.bench.run;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table: a header, right-aligned columns where asked, and rows of text. */
final class MarkdownTable {

    private final List<String> header;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** Creates a table; a header ending in {@code >} is a right-aligned column (the mark is dropped). */
    MarkdownTable(String... header) {
        this.header = new ArrayList<>();
        this.rightAligned = new boolean[header.length];
        for (int i = 0; i < header.length; i++) {
            rightAligned[i] = header[i].endsWith(">");
            this.header.add(rightAligned[i] ? header[i].substring(0, header[i].length() - 1) : header[i]);
        }
    }

    /** Adds one row; it must have as many cells as the header. */
    void row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        rows.add(List.of(cells));
    }

    /** The table in Markdown, one line per row. */
    String render() {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        sb.append('|');
        for (boolean right : rightAligned) {
            sb.append(right ? "---:|" : "---|");
        }
        sb.append('\n');
        for (List<String> row : rows) {
            line(sb, row);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String cell : cells) {
            sb.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        sb.append('\n');
    }
}
