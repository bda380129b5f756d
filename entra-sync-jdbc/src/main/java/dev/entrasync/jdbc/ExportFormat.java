package dev.entrasync.jdbc;

import java.util.Locale;
import java.util.Objects;

/**
 * How {@link JdbcQueries#export} writes a dataset: both in UTF-8 without a byte-order mark, with the columns of
 * {@link DatasetColumns}.
 */
public enum ExportFormat {
    /**
     * RFC 4180 CSV: a header row of the column names, then one row per record, lines ended by CRLF; a field holding
     * a comma, a double quote, CR or LF is put in double quotes with its quotes doubled. Cells are written as text:
     * {@code true}/{@code false}, numbers as Java prints them, instants as ISO-8601 UTC
     * ({@code 2026-03-10T09:00:00Z}), enum values by name, an unknown value as an empty field; a multi-valued cell
     * is its values joined with {@value #CSV_LIST_SEPARATOR} (use {@link #JSON_LINES} when a value may itself hold
     * that separator). Against formula injection when the file is opened in a spreadsheet (OWASP "CSV Injection"),
     * a text cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a
     * single quote ({@code '}) in front; numbers are written as they are.
     */
    CSV,
    /**
     * JSON lines: one JSON object per record and line (LF), the column names as keys, with typed values: JSON
     * strings, booleans and numbers, instants as ISO-8601 UTC strings, enum values by name, arrays of strings for
     * multi-valued cells and {@code null} for an unknown value. No header line; nothing is prefixed.
     */
    JSON_LINES;

    /** What joins the values of a multi-valued cell in {@link #CSV}. */
    public static final String CSV_LIST_SEPARATOR = "; ";

    /**
     * The format a person named: {@code csv}, or {@code json} / {@code jsonl} / {@code json-lines} for
     * {@link #JSON_LINES} (case and surrounding blanks ignored).
     *
     * @param name the format's name; never null
     * @return the format; never null
     * @throws IllegalArgumentException naming the accepted names when {@code name} is none of them
     * @throws NullPointerException if {@code name} is null
     */
    public static ExportFormat of(String name) {
        Objects.requireNonNull(name, "format");
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "json", "jsonl", "json-lines", "json_lines" -> JSON_LINES;
            default ->
                throw new IllegalArgumentException(
                        "format: unknown export format '" + name + "'; use csv or json (JSON lines)");
        };
    }
}
