package dev.entrasync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * An app registration's client secret. It never prints itself: {@link #toString()} shows a mask,
 * and entra-sync never puts the value in a log line or an exception message.
 *
 * <p>Immutable and thread-safe. Only code that must hand the secret to the token endpoint (or
 * encrypt it at rest) calls {@link #reveal()}.
 */
public final class ClientSecret {

    private final char[] value;

    private ClientSecret(char[] value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @param value the secret's value, kept as given (not trimmed); not blank
     * @return a new secret wrapping the value; never null
     * @throws IllegalArgumentException if it is null or blank (the message never contains the value)
     */
    public static ClientSecret of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("clientSecret: must not be empty");
        }
        return new ClientSecret(value.toCharArray());
    }

    /**
     * The secret's value. Hand it only to the token endpoint or to encryption; never log it.
     *
     * @return the secret's value, as given to {@link #of(String)}; never null
     */
    public String reveal() {
        return new String(value);
    }

    /** Compares in constant time. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ClientSecret other)) {
            return false;
        }
        return MessageDigest.isEqual(
                new String(value).getBytes(StandardCharsets.UTF_8),
                new String(other.value).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return Objects.hash(value.length, Arrays.hashCode(value));
    }

    /** Always {@code ClientSecret[****]}. */
    @Override
    public String toString() {
        return "ClientSecret[****]";
    }
}
