package dev.entrasync.examples.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints rows under headers in columns as wide as their widest cell (at most 48 characters). */
final class TextTable {

    private static final int MAX_WIDTH = 48;

    private TextTable() {}

    static void print(PrintStream out, List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], Math.min(MAX_WIDTH, row.get(i).length()));
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell =
                        row.get(i).length() > MAX_WIDTH ? row.get(i).substring(0, MAX_WIDTH - 1) + "…" : row.get(i);
                line.append(i == 0 ? "" : "  ").append(i == widths.length - 1 ? cell : pad(cell, widths[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String pad(String cell, int width) {
        return cell + " ".repeat(width - cell.length());
    }
}
