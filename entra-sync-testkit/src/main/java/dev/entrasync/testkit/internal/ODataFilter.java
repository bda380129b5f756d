package dev.entrasync.testkit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A small OData {@code $filter} evaluator: {@code eq ne gt ge lt le}, {@code and or not},
 * parentheses, {@code startswith(p,'x')}, {@code endswith(p,'x')} and
 * {@code coll/any(x:x/p eq v)}. Strings compare case-insensitively, unquoted date-times as
 * instants. Property paths use {@code /} ({@code initiatedBy/user/id}).
 */
public final class ODataFilter {
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})");
    private final List<String> tokens;
    private final String type;
    private int pos;

    private ODataFilter(List<String> tokens, String type) {
        this.tokens = tokens;
        this.type = type;
    }

    /** Parses a filter over {@code microsoft.graph.<type>}; throws 400 when it cannot. */
    public static Predicate<Map<String, Object>> parse(String filter, String type) {
        ODataFilter parser = new ODataFilter(tokenize(filter), type);
        try {
            Predicate<Map<String, Object>> predicate = parser.or();
            if (parser.pos != parser.tokens.size()) {
                throw invalid();
            }
            return predicate;
        } catch (IndexOutOfBoundsException e) {
            throw invalid();
        }
    }

    private Predicate<Map<String, Object>> or() {
        Predicate<Map<String, Object>> left = and();
        while (peek("or")) {
            pos++;
            left = left.or(and());
        }
        return left;
    }

    private Predicate<Map<String, Object>> and() {
        Predicate<Map<String, Object>> left = unary();
        while (peek("and")) {
            pos++;
            left = left.and(unary());
        }
        return left;
    }

    private Predicate<Map<String, Object>> unary() {
        if (peek("not")) {
            pos++;
            return unary().negate();
        }
        if (peek("(")) {
            pos++;
            Predicate<Map<String, Object>> inner = or();
            expect(")");
            return inner;
        }
        String word = tokens.get(pos++);
        if ((word.equalsIgnoreCase("startswith") || word.equalsIgnoreCase("endswith")) && peek("(")) {
            pos++;
            String path = property(tokens.get(pos++));
            expect(",");
            String prefix = ((String) literal(tokens.get(pos++))).toLowerCase();
            expect(")");
            boolean starts = word.equalsIgnoreCase("startswith");
            return e -> {
                Object v = resolve(e, path);
                return v instanceof String s
                        && (starts
                                ? s.toLowerCase().startsWith(prefix)
                                : s.toLowerCase().endsWith(prefix));
            };
        }
        if (word.toLowerCase().endsWith("/any") && peek("(")) {
            pos++;
            String collection = property(word.substring(0, word.length() - 4));
            String lambda = tokens.get(pos++);
            int colon = lambda.indexOf(':');
            String variable = lambda.substring(0, colon);
            String inner = lambda.substring(colon + 1);
            String subPath = inner.equals(variable) ? "" : inner.substring(variable.length() + 1);
            String op = tokens.get(pos++).toLowerCase();
            Object value = literal(tokens.get(pos++));
            expect(")");
            return e -> resolve(e, collection) instanceof List<?> list
                    && list.stream()
                            .anyMatch(item ->
                                    compare(subPath.isEmpty() ? item : resolve(asMap(item), subPath), op, value));
        }
        String path = property(word);
        String op = tokens.get(pos++).toLowerCase();
        Object value = literal(tokens.get(pos++));
        if (!List.of("eq", "ne", "gt", "ge", "lt", "le").contains(op)) {
            throw invalid();
        }
        return e -> compare(resolve(e, path), op, value);
    }

    private String property(String path) {
        String root = path.split("/")[0];
        if (!GraphSchema.hasProperty(type, root)) {
            throw GraphException.badRequest(
                    "Could not find a property named '" + root + "' on type 'microsoft.graph." + type + "'.");
        }
        return path;
    }

    private static Object literal(String token) {
        if (token.startsWith("'")) {
            return token.substring(1, token.length() - 1).replace("''", "'");
        }
        if (token.equals("null")) {
            return null;
        }
        if (token.equals("true") || token.equals("false")) {
            return Boolean.valueOf(token);
        }
        if (DATE_TIME.matcher(token).matches()) {
            return OffsetDateTime.parse(token).toInstant();
        }
        return token;
    }

    private static boolean compare(Object actual, String op, Object expected) {
        int cmp;
        if (expected == null || actual == null) {
            boolean same = expected == actual;
            return op.equals("eq") ? same : op.equals("ne") && !same;
        } else if (expected instanceof Instant instant) {
            cmp = OffsetDateTime.parse(String.valueOf(actual)).toInstant().compareTo(instant);
        } else if (actual instanceof Number n) {
            cmp = Double.compare(n.doubleValue(), Double.parseDouble(String.valueOf(expected)));
        } else {
            cmp = String.valueOf(actual).compareToIgnoreCase(String.valueOf(expected));
        }
        switch (op) {
            case "eq":
                return cmp == 0;
            case "ne":
                return cmp != 0;
            case "gt":
                return cmp > 0;
            case "ge":
                return cmp >= 0;
            case "lt":
                return cmp < 0;
            default:
                return cmp <= 0;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Object resolve(Map<String, Object> entity, String path) {
        Object current = entity;
        for (String part : path.split("/")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private boolean peek(String token) {
        return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(token);
    }

    private void expect(String token) {
        if (!peek(token)) {
            throw invalid();
        }
        pos++;
    }

    private static GraphException invalid() {
        return new GraphException(400, "BadRequest", "Invalid filter clause");
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < text.length()
                        && (text.charAt(j) != '\''
                                || (j + 1 < text.length() && text.charAt(j + 1) == '\'' && j++ >= 0))) {
                    j++;
                }
                if (j >= text.length()) {
                    throw invalid();
                }
                out.add(text.substring(i, j + 1));
                i = j + 1;
            } else {
                int j = i;
                while (j < text.length()
                        && !Character.isWhitespace(text.charAt(j))
                        && "(),".indexOf(text.charAt(j)) < 0) {
                    j++;
                }
                out.add(text.substring(i, j));
                i = j;
            }
        }
        return out;
    }
}
