package dev.entrasync.model;

/**
 * One property an audited activity changed on a target: Graph's {@code modifiedProperty}. Graph writes the values as
 * JSON text, so a string arrives quoted ({@code "\"Global Administrator\""}); {@link #newText()} and
 * {@link #oldText()} remove those quotes.
 *
 * @param displayName the property's name, e.g. {@code Role.DisplayName} or {@code AccountEnabled}, or null
 * @param oldValue the value before, as Graph sent it (JSON text), or null
 * @param newValue the value after, as Graph sent it (JSON text), or null
 */
public record ModifiedProperty(String displayName, String oldValue, String newValue) {

    /**
     * The value after, unquoted when Graph sent a single JSON string.
     *
     * @return the string inside the quotes when {@link #newValue()} is one JSON string, else {@link #newValue()} as it
     *     is; null when that is null
     */
    public String newText() {
        return unquote(newValue);
    }

    /**
     * The value before, unquoted when Graph sent a single JSON string.
     *
     * @return the string inside the quotes when {@link #oldValue()} is one JSON string, else {@link #oldValue()} as it
     *     is; null when that is null
     */
    public String oldText() {
        return unquote(oldValue);
    }

    /** The content of a JSON string literal with its escapes resolved; anything else unchanged. */
    static String unquote(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') {
            return value;
        }
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c == '"') {
                return value; // an unescaped quote inside: not one string literal
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= v.length() - 1) {
                return value;
            }
            char e = v.charAt(i);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 4 > v.length() - 2) {
                        return value;
                    }
                    try {
                        out.append((char) Integer.parseInt(v.substring(i + 1, i + 5), 16));
                    } catch (NumberFormatException bad) {
                        return value;
                    }
                    i += 4;
                }
                default -> {
                    return value;
                }
            }
        }
        return out.toString();
    }
}
