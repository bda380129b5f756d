package dev.entrasync.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A statement written with named parameters ({@code :tenant}), turned into JDBC's positional {@code ?}s.
 * A name may occur several times; text inside single quotes and PostgreSQL's {@code ::} casts are left alone.
 *
 * @param jdbc the statement with {@code ?} placeholders
 * @param names the parameter name of each {@code ?}, in order
 */
public record NamedSql(String jdbc, List<String> names) {

    public NamedSql {
        Objects.requireNonNull(jdbc, "jdbc");
        names = List.copyOf(names);
    }

    /** Parameters by name from alternating names and values; values may be null. */
    public static Map<String, Object> params(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("params: names and values must alternate");
        }
        Map<String, Object> params = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    /** Parses {@code sql}. */
    public static NamedSql parse(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            boolean cast = i + 1 < sql.length() && sql.charAt(i + 1) == ':' || i > 0 && sql.charAt(i - 1) == ':';
            if (c == ':'
                    && !quoted
                    && !cast
                    && i + 1 < sql.length()
                    && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        return new NamedSql(out.toString(), names);
    }

    /**
     * Prepares the statement on {@code connection} and binds every parameter from {@code values}: strings,
     * instants (through the dialect), booleans, integers and longs. The caller closes the statement.
     *
     * @throws IllegalArgumentException if a parameter has no value
     */
    public PreparedStatement prepare(Connection connection, Dialect dialect, Map<String, ?> values)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(jdbc);
        try {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("no value for :" + name + " in " + jdbc);
                }
                Object value = values.get(name);
                if (value instanceof Instant instant) {
                    dialect.setInstant(statement, i + 1, instant);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
