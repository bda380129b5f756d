package dev.entrasync.jdbc.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Writes export rows one at a time to a stream in UTF-8 (no byte-order mark): {@link #csv} or {@link #jsonLines}.
 * Cell values are those {@code DatasetColumns} documents. Holds no row after writing it; {@link #finish()} flushes
 * and leaves the stream open. Not thread-safe.
 */
public abstract class ExportRows {

    /** Text cells starting with these are prefixed with {@code '} in CSV (OWASP, CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    final Writer out;
    final List<String> names;

    private ExportRows(OutputStream out, List<String> names) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        this.names = List.copyOf(names);
    }

    /**
     * RFC 4180 CSV with a header row of {@code names}, CRLF line ends, multi-valued cells joined with
     * {@code listSeparator} and text cells guarded against formula injection.
     */
    public static ExportRows csv(OutputStream out, List<String> names, String listSeparator) throws IOException {
        return new Csv(out, names, listSeparator);
    }

    /** One JSON object per line, keyed by {@code names}, with typed values. */
    public static ExportRows jsonLines(OutputStream out, List<String> names) throws IOException {
        return new JsonLines(out, names);
    }

    /** Writes one row: one value per name. */
    public abstract void row(List<Object> values) throws IOException;

    /** Flushes what is buffered; the stream stays open. */
    public void finish() throws IOException {
        out.flush();
    }

    /** {@code text} with a {@code '} in front when a spreadsheet would read it as a formula. */
    static String guarded(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** {@code field} as an RFC 4180 field: quoted, quotes doubled, when it holds a comma, quote, CR or LF. */
    static String quoted(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return '"' + field.replace("\"", "\"\"") + '"';
            }
        }
        return field;
    }

    private static final class Csv extends ExportRows {
        private final String listSeparator;

        Csv(OutputStream out, List<String> names, String listSeparator) throws IOException {
            super(out, names);
            this.listSeparator = listSeparator;
            line(names.stream().map(n -> (Object) n).toList());
        }

        @Override
        public void row(List<Object> values) throws IOException {
            line(values);
        }

        private void line(List<Object> values) throws IOException {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quoted(text(values.get(i))));
            }
            out.write("\r\n");
        }

        private String text(Object value) {
            if (value == null) {
                return "";
            }
            if (value instanceof Number || value instanceof Boolean || value instanceof Instant) {
                return value.toString();
            }
            if (value instanceof Enum<?> e) {
                return e.name();
            }
            if (value instanceof List<?> list) {
                StringBuilder joined = new StringBuilder();
                for (Object item : list) {
                    joined.append(joined.isEmpty() ? "" : listSeparator).append(item);
                }
                return guarded(joined.toString());
            }
            return guarded(value.toString());
        }
    }

    private static final class JsonLines extends ExportRows {
        private static final JsonFactory FACTORY = new JsonFactoryBuilder()
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .rootValueSeparator((String) null)
                .build();

        private final JsonGenerator json;

        JsonLines(OutputStream out, List<String> names) throws IOException {
            super(out, names);
            this.json = FACTORY.createGenerator(this.out);
        }

        @Override
        public void row(List<Object> values) throws IOException {
            json.writeStartObject();
            for (int i = 0; i < values.size(); i++) {
                json.writeFieldName(names.get(i));
                value(values.get(i));
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }

        private void value(Object value) throws IOException {
            if (value == null) {
                json.writeNull();
            } else if (value instanceof Boolean b) {
                json.writeBoolean(b);
            } else if (value instanceof Integer n) {
                json.writeNumber(n);
            } else if (value instanceof Long n) {
                json.writeNumber(n);
            } else if (value instanceof Double n) {
                json.writeNumber(n);
            } else if (value instanceof Enum<?> e) {
                json.writeString(e.name());
            } else if (value instanceof List<?> list) {
                json.writeStartArray();
                for (Object item : list) {
                    value(item);
                }
                json.writeEndArray();
            } else {
                json.writeString(value.toString());
            }
        }

        @Override
        public void finish() throws IOException {
            json.flush();
            super.finish();
        }
    }
}
