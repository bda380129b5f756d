package dev.entrasync.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The properties a response carries: what {@code $select} named (plus {@code id}), the type's
 * default set, or everything stored. Property names match case-insensitively, as in Graph.
 */
public final class Selection {
    private final List<String> properties;
    private final boolean explicit;
    private final List<String> requested;

    private Selection(List<String> properties, boolean explicit, List<String> requested) {
        this.properties = properties;
        this.explicit = explicit;
        this.requested = requested;
    }

    /**
     * Parses {@code $select} for {@code microsoft.graph.<type>}.
     *
     * @param select the raw parameter, or null
     * @param defaults the type's default properties, or null for "everything stored"
     * @throws GraphException 400 for a name the type does not have
     */
    public static Selection parse(String select, String type, List<String> defaults) {
        if (select == null || select.isBlank()) {
            return new Selection(defaults, false, List.of());
        }
        Set<String> known = GraphSchema.properties(type);
        Set<String> chosen = new LinkedHashSet<>();
        Set<String> requested = new LinkedHashSet<>();
        chosen.add("id");
        for (String raw : select.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            String canonical = canonical(known, name);
            if (canonical == null) {
                throw GraphException.badRequest(
                        "Could not find a property named '" + name + "' on type 'microsoft.graph." + type + "'.");
            }
            chosen.add(canonical);
            requested.add(canonical);
        }
        return new Selection(new ArrayList<>(chosen), true, new ArrayList<>(requested));
    }

    /** Returns an explicit selection of exactly these properties. */
    public static Selection of(List<String> properties) {
        return new Selection(List.copyOf(properties), true, List.copyOf(properties));
    }

    private static String canonical(Set<String> known, String name) {
        if (known.contains(name)) {
            return name;
        }
        for (String candidate : known) {
            if (candidate.equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return null;
    }

    /** Returns the names {@code $select} gave, in order, without the implied {@code id}. */
    public List<String> requested() {
        return requested;
    }

    /** Returns the selected names, or null when every stored property is returned. */
    public List<String> properties() {
        return properties;
    }

    /** Returns whether {@code $select} was given. */
    public boolean explicit() {
        return explicit;
    }

    /** Returns whether a property is selected (always true when everything is returned). */
    public boolean includes(String name) {
        return properties == null || properties.contains(name);
    }

    /** Returns the {@code (a,b,c)} suffix of {@code @odata.context}, empty unless explicit. */
    public String contextSuffix() {
        return explicit ? "(" + String.join(",", requested) + ")" : "";
    }
}
