package dev.entrasync.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Part of a record, as a Graph delta page delivers it: Graph sends an object's id plus at least the
 * properties that changed, so only the {@link #fields()} named here carry values; every other field
 * of {@link #values()} is a placeholder (null or empty) and must not overwrite what the sink stored.
 *
 * <p>Field names are the record's component names (for {@link EntraUser}: {@code displayName},
 * {@code accountEnabled}, {@code mfa}, …). {@code id} is always implied. A sink applies a patch to its
 * stored row with {@link #applyTo(EntraRecord)} or by updating only the named columns. For an id the
 * sink does not hold yet, a patch with {@link #insertIfAbsent()} is stored as {@link #values()} (a
 * delta item for an object created since the last run); one without is dropped (entra-sync refreshing
 * derived fields such as a user's roles or MFA, which must not create a row for an object the sink
 * never received). Immutable and thread-safe.
 *
 * @param values the record, with the named fields set; never null
 * @param fields the component names that carry values, without {@code id}; never null, may be empty
 * @param insertIfAbsent whether a sink that does not hold the id stores {@link #values()} (true) or drops the patch
 * @param <R> the record type
 */
public record RecordPatch<R extends EntraRecord>(R values, Set<String> fields, boolean insertIfAbsent) {

    private static final ClassValue<List<String>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName)
                    .toList();
        }
    };

    /**
     * Validates the components and copies {@code fields} into an unmodifiable set without {@code id}.
     *
     * @param values the record, with the named fields set; never null, and a record class
     * @param fields the component names that carry values; never null, may be empty; {@code id} is dropped
     * @param insertIfAbsent true if a sink that does not hold the id stores {@link #values()}, false if it drops the
     *     patch
     * @throws IllegalArgumentException if {@code values} is not a record or a field is not one of its components
     * @throws NullPointerException if {@code values} or {@code fields} is null
     */
    public RecordPatch {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(fields, "fields");
        if (!values.getClass().isRecord()) {
            throw new IllegalArgumentException("values: " + values.getClass().getName() + " is not a record");
        }
        List<String> known = COMPONENTS.get(values.getClass());
        LinkedHashSet<String> copy = new LinkedHashSet<>();
        for (String field : fields) {
            if (!known.contains(field)) {
                throw new IllegalArgumentException("fields: '" + field + "' is not a component of "
                        + values.getClass().getSimpleName() + "; use one of " + known);
            }
            if (!field.equals("id")) {
                copy.add(field);
            }
        }
        fields = Set.copyOf(copy);
    }

    /**
     * A delta item: the named fields change; an object the sink does not hold yet is stored as {@code values}.
     *
     * @param <R> the record type
     * @param values the record, with the named fields set; never null
     * @param fields the component names that changed; never null, may be empty
     * @return a new patch with {@link #insertIfAbsent()} true; never null
     * @throws IllegalArgumentException if a field is not one of the record's components
     */
    public static <R extends EntraRecord> RecordPatch<R> upsert(R values, Set<String> fields) {
        return new RecordPatch<>(values, fields, true);
    }

    /**
     * A refresh of some fields of an object the sink may hold; dropped when it does not.
     *
     * @param <R> the record type
     * @param values the record, with the named fields set; never null
     * @param fields the component names to refresh; never null, may be empty
     * @return a new patch with {@link #insertIfAbsent()} false; never null
     * @throws IllegalArgumentException if a field is not one of the record's components
     */
    public static <R extends EntraRecord> RecordPatch<R> update(R values, Set<String> fields) {
        return new RecordPatch<>(values, fields, false);
    }

    /**
     * The object id.
     *
     * @return the id of the object the patch applies to; never null
     */
    public String id() {
        return values.id();
    }

    /**
     * The stored record with this patch's fields applied: named fields from {@link #values()}, the
     * others from {@code stored}. When {@code stored} is null: {@link #values()} if
     * {@link #insertIfAbsent()}, else null (drop the patch).
     *
     * @param stored the record the sink holds for this id; null when it holds none
     * @return the merged record; {@link #values()} or null (drop the patch) when {@code stored} is null
     * @throws IllegalArgumentException if {@code stored} is another type or another object
     */
    @SuppressWarnings("unchecked")
    public R applyTo(EntraRecord stored) {
        if (stored == null) {
            return insertIfAbsent ? values : null;
        }
        if (stored.getClass() != values.getClass() || !stored.id().equals(values.id())) {
            throw new IllegalArgumentException(
                    "stored: expected " + values.getClass().getSimpleName() + " " + values.id() + ", got "
                            + stored.getClass().getSimpleName() + " " + stored.id());
        }
        RecordComponent[] components = values.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                args[i] = c.getAccessor().invoke(fields.contains(c.getName()) ? values : stored);
            }
            Constructor<?> canonical = values.getClass().getDeclaredConstructor(types);
            return (R) canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "cannot merge " + values.getClass().getSimpleName() + " " + values.id() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot merge " + values.getClass().getName() + " reflectively", e);
        }
    }
}
