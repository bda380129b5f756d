package dev.entrasync.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Microsoft Graph's published v1.0 schema (the CSDL {@code $metadata} document), loaded to check
 * requests: that every path segment is an entity set, singleton, navigation property, key, type
 * cast or bound function/action of Graph v1.0, and that every {@code $select}ed property exists
 * on the resulting type. Tests use it on the requests the simulated cloud recorded, so code can
 * never drift to a property or endpoint Graph does not have.
 *
 * <p>Immutable after {@link #load(Path)}; thread-safe.
 */
public final class GraphSchema {

    private final Map<String, String> aliases = new HashMap<>();
    private final Map<String, TypeInfo> types = new HashMap<>();
    private final Map<String, String> entitySets = new HashMap<>();
    private final Map<String, String> singletons = new HashMap<>();
    /** binding type ("Collection(ns.t)" or "ns.t") → operation name → return type (null for none). */
    private final Map<String, Map<String, String>> operations = new HashMap<>();

    private static final class TypeInfo {
        String baseType;
        final Set<String> properties = new HashSet<>();
        final Map<String, String> navigation = new HashMap<>();
    }

    private GraphSchema() {}

    /**
     * Loads a CSDL file such as {@code shared/graph/v1.0-metadata.xml}.
     *
     * @throws IOException if it cannot be read or is not CSDL
     */
    public static GraphSchema load(Path csdl) throws IOException {
        GraphSchema schema = new GraphSchema();
        try (InputStream in = Files.newInputStream(csdl)) {
            schema.parse(in);
        } catch (XMLStreamException e) {
            throw new IOException("Not a CSDL document: " + csdl + " (" + e.getMessage() + ")", e);
        }
        return schema;
    }

    private void parse(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        String namespace = null;
        TypeInfo current = null;
        String operationName = null;
        String bindingType = null;
        String returnType = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                switch (name) {
                    case "Schema" -> {
                        namespace = xml.getAttributeValue(null, "Namespace");
                        String alias = xml.getAttributeValue(null, "Alias");
                        if (alias != null) {
                            aliases.put(alias, namespace);
                        }
                    }
                    case "EntityType", "ComplexType" -> {
                        current = new TypeInfo();
                        current.baseType = xml.getAttributeValue(null, "BaseType");
                        types.put(namespace + "." + xml.getAttributeValue(null, "Name"), current);
                    }
                    case "Property" -> {
                        if (current != null) {
                            current.properties.add(xml.getAttributeValue(null, "Name"));
                        }
                    }
                    case "NavigationProperty" -> {
                        if (current != null) {
                            current.navigation.put(
                                    xml.getAttributeValue(null, "Name"), xml.getAttributeValue(null, "Type"));
                        }
                    }
                    case "Function", "Action" -> {
                        if ("true".equals(xml.getAttributeValue(null, "IsBound"))) {
                            operationName = xml.getAttributeValue(null, "Name");
                            bindingType = null;
                            returnType = null;
                        }
                    }
                    case "Parameter" -> {
                        if (operationName != null && bindingType == null) {
                            bindingType = xml.getAttributeValue(null, "Type");
                        }
                    }
                    case "ReturnType" -> {
                        if (operationName != null) {
                            returnType = xml.getAttributeValue(null, "Type");
                        }
                    }
                    case "EntitySet" ->
                        entitySets.put(xml.getAttributeValue(null, "Name"), xml.getAttributeValue(null, "EntityType"));
                    case "Singleton" ->
                        singletons.put(xml.getAttributeValue(null, "Name"), xml.getAttributeValue(null, "Type"));
                    default -> {}
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                if ((name.equals("EntityType") || name.equals("ComplexType"))) {
                    current = null;
                } else if ((name.equals("Function") || name.equals("Action")) && operationName != null) {
                    if (bindingType != null) {
                        operations
                                .computeIfAbsent(normalize(bindingType), k -> new HashMap<>())
                                .put(operationName, returnType == null ? null : normalize(returnType));
                    }
                    operationName = null;
                }
            }
        }
        // normalize stored type references now that all aliases are known
        types.values().forEach(t -> {
            t.baseType = t.baseType == null ? null : normalize(t.baseType);
            t.navigation.replaceAll((k, v) -> normalize(v));
        });
        entitySets.replaceAll((k, v) -> normalize(v));
        singletons.replaceAll((k, v) -> normalize(v));
    }

    private String normalize(String type) {
        if (type.startsWith("Collection(")) {
            return "Collection(" + normalize(type.substring(11, type.length() - 1)) + ")";
        }
        int dot = type.indexOf('.');
        if (dot > 0) {
            String prefix = type.substring(0, dot);
            String ns = aliases.get(prefix);
            if (ns != null) {
                return ns + type.substring(dot);
            }
        }
        return type;
    }

    /**
     * Checks one request.
     *
     * @param path the URL path, e.g. {@code /v1.0/users/delta} (a leading {@code /v1.0} is required)
     * @param select the {@code $select} value, or null
     * @return the problems found, empty when the request exists in Graph v1.0
     */
    public List<String> check(String path, String select) {
        List<String> problems = new ArrayList<>();
        if (!path.startsWith("/v1.0/")) {
            problems.add(path + ": not a Graph v1.0 path");
            return problems;
        }
        String[] segments = path.substring("/v1.0/".length()).split("/");
        if (segments.length == 1 && segments[0].equals("$batch")) {
            return problems;
        }
        String type;
        boolean collection;
        if (entitySets.containsKey(segments[0])) {
            type = entitySets.get(segments[0]);
            collection = true;
        } else if (singletons.containsKey(segments[0])) {
            type = singletons.get(segments[0]);
            collection = false;
        } else {
            problems.add(path + ": '" + segments[0] + "' is neither an entity set nor a singleton of Graph v1.0");
            return problems;
        }
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            String bare =
                    segment.startsWith("microsoft.graph.") && operation(type, collection, segment.substring(16)) != null
                            ? segment.substring(16)
                            : segment;
            String[] op = operation(type, collection, bare);
            if (op != null) {
                if (op[1] == null) {
                    return i == segments.length - 1 ? problems : List.of(path + ": segments after action " + bare);
                }
                collection = op[1].startsWith("Collection(");
                type = collection ? op[1].substring(11, op[1].length() - 1) : op[1];
                continue;
            }
            String cast = normalize(segment);
            if (segment.contains(".") && types.containsKey(cast)) {
                type = cast;
                continue;
            }
            if (!collection) {
                String target = navigation(type, segment);
                if (target == null) {
                    problems.add(path + ": '" + segment + "' is not a navigation property of " + type);
                    return problems;
                }
                collection = target.startsWith("Collection(");
                type = collection ? target.substring(11, target.length() - 1) : target;
            } else {
                collection = false; // a key
            }
        }
        if (select != null && !select.isBlank()) {
            for (String property : select.split(",")) {
                String p = property.trim();
                if (!hasProperty(type, p)) {
                    problems.add(path + ": $select property '" + p + "' does not exist on " + type);
                }
            }
        }
        return problems;
    }

    /** Whether the type (or a base type) has the property or navigation property. */
    public boolean hasProperty(String qualifiedType, String property) {
        for (String t = normalize(qualifiedType); t != null; ) {
            TypeInfo info = types.get(t);
            if (info == null) {
                return false;
            }
            if (info.properties.contains(property) || info.navigation.containsKey(property)) {
                return true;
            }
            t = info.baseType;
        }
        return false;
    }

    private String navigation(String type, String name) {
        for (String t = type; t != null; ) {
            TypeInfo info = types.get(t);
            if (info == null) {
                return null;
            }
            if (info.navigation.containsKey(name)) {
                return info.navigation.get(name);
            }
            t = info.baseType;
        }
        return null;
    }

    /** {name, returnType-or-null} of an operation bound to the type (or its bases), or null. */
    private String[] operation(String type, boolean collection, String name) {
        for (String t = type; t != null; ) {
            Map<String, String> ops = operations.get(collection ? "Collection(" + t + ")" : t);
            if (ops != null && ops.containsKey(name)) {
                return new String[] {name, ops.get(name)};
            }
            TypeInfo info = types.get(t);
            t = info == null ? null : info.baseType;
        }
        return null;
    }
}
