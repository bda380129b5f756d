package dev.entrasync.spring.boot;

import java.util.Objects;

/**
 * An {@code entra-sync.*} property is missing or wrong, found while the application context starts. The message
 * names the property, what is wrong and what to set; Spring Boot prints it as the failed start's description and
 * {@link #action()} as its action. Never carries a secret's value.
 */
public final class EntraSyncPropertyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The property's full name. */
    private final String property;

    /** What a person should set or change. */
    private final String action;

    /**
     * A problem with one property.
     *
     * @param property the property's full name, e.g. {@code entra-sync.credential.client-secret}; never null
     * @param problem what is wrong, in words, without the property's value when it may be a secret; never null
     * @param action what a person should set or change; never null
     * @param cause the exception that revealed the problem, or null
     */
    public EntraSyncPropertyException(String property, String problem, String action, Throwable cause) {
        super(
                Objects.requireNonNull(property, "property") + ": " + Objects.requireNonNull(problem, "problem") + ". "
                        + Objects.requireNonNull(action, "action"),
                cause);
        this.property = property;
        this.action = action;
    }

    /**
     * The property at fault.
     *
     * @return the property's full name; never null
     */
    public String property() {
        return property;
    }

    /**
     * What to do about it.
     *
     * @return what a person should set or change; never null
     */
    public String action() {
        return action;
    }
}
