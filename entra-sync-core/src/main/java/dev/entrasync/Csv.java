package dev.entrasync;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: fields separated by commas, optionally in double quotes (which may hold
 * commas, line breaks and doubled quotes), lines ended by CRLF or LF; a leading byte-order mark is
 * skipped. One row at a time, so a large file is never held whole. Not thread-safe.
 */
final class Csv {

    private final Reader in;
    private int line = 1;
    private boolean started;
    private int pushedBack = -2;

    Csv(Reader in) {
        this.in = in;
    }

    /** The line the next row starts on (1-based), for error messages. */
    int line() {
        return line;
    }

    /**
     * The next row's fields, or null at the end of input.
     *
     * @throws IOException if reading fails or a quoted field is not closed
     */
    List<String> next() throws IOException {
        int c = read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int startLine = line;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new IOException("line " + startLine + ": a quoted field is not closed");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        pushedBack = d;
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }
}
