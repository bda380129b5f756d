package dev.entrasync.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Property names of the Graph v1.0 entity types the simulator serves, generated from Microsoft's
 * CSDL by {@code src/build/graph-properties.py}. Used to validate {@code $select} and test data.
 */
public final class GraphSchema {
    private static final Map<String, Set<String>> PROPERTIES = load();

    private GraphSchema() {}

    /** Returns the property names (structural and navigation) of {@code microsoft.graph.<type>}. */
    public static Set<String> properties(String type) {
        Set<String> names = PROPERTIES.get(type);
        if (names == null) {
            throw new IllegalArgumentException("type not in the testkit's schema: " + type);
        }
        return names;
    }

    /** Returns whether {@code microsoft.graph.<type>} has a property named {@code name}. */
    public static boolean hasProperty(String type, String name) {
        return properties(type).contains(name);
    }

    /** Throws {@link IllegalArgumentException} when a key of {@code entity} is not a Graph property. */
    public static void check(String type, Map<String, ?> entity) {
        for (String key : entity.keySet()) {
            if (!key.startsWith("@") && !hasProperty(type, key)) {
                throw new IllegalArgumentException(
                        "microsoft.graph." + type + " has no property '" + key + "' in Graph v1.0");
            }
        }
    }

    private static Map<String, Set<String>> load() {
        Properties raw = new Properties();
        try (InputStream in = GraphSchema.class.getResourceAsStream("graph-properties.properties")) {
            raw.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> out = new HashMap<>();
        for (String type : raw.stringPropertyNames()) {
            out.put(
                    type,
                    Set.copyOf(new LinkedHashSet<>(
                            java.util.List.of(raw.getProperty(type).split(",")))));
        }
        return Map.copyOf(out);
    }
}
