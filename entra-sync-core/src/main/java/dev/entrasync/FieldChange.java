package dev.entrasync;

/**
 * One field of an object that a run changed, as a {@link Change} lists it: the field's old and new value
 * as text. A list-valued field (a user's roles, licences or MFA methods, a role's members) is told as
 * one {@code FieldChange} per element gained ({@code oldValue} null) or lost ({@code newValue} null); a
 * field inside a nested value is named with a dot ({@code mfa.state}). Immutable.
 *
 * @param field the record component's name, such as {@code accountEnabled}, {@code directoryRoles} or
 *     {@code mfa.state}; never null
 * @param oldValue the value before the run, as text; null when the field was empty or an element was gained
 * @param newValue the value after the run, as text; null when the field became empty or an element was lost
 */
public record FieldChange(String field, String oldValue, String newValue) {

    /**
     * Validates the components.
     *
     * @param field the record component's name; never null
     * @param oldValue the value before the run, as text; may be null
     * @param newValue the value after the run, as text; may be null
     * @throws NullPointerException if {@code field} is null
     */
    public FieldChange {
        java.util.Objects.requireNonNull(field, "field");
    }
}
