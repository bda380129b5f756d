package dev.entrasync;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Microsoft Entra tenant: its GUID, or one of its verified domain names
 * ({@code contoso.onmicrosoft.com}, {@code contoso.com}). GUIDs are kept in lower case.
 *
 * @param value the GUID or domain; never null
 */
public record TenantId(String value) {

    private static final Pattern GUID =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Pattern DOMAIN =
            Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    /**
     * Validates the value and normalises it: trimmed and lower-cased.
     *
     * @param value a tenant GUID or domain name, in any case, surrounding blanks ignored; never null
     * @throws IllegalArgumentException if the value is neither a GUID nor a domain name
     * @throws NullPointerException if {@code value} is null
     */
    public TenantId {
        Objects.requireNonNull(value, "tenantId");
        value = value.trim().toLowerCase(Locale.ROOT);
        if (!GUID.matcher(value).matches() && !DOMAIN.matcher(value).matches()) {
            throw new IllegalArgumentException("tenantId: '" + value
                    + "' is neither a tenant GUID nor a domain name such as contoso.onmicrosoft.com");
        }
    }

    /**
     * Parses a tenant GUID or domain.
     *
     * @param value a tenant GUID or domain name, in any case, surrounding blanks ignored; never null
     * @return the tenant id, trimmed and lower-cased; never null
     * @throws IllegalArgumentException if the value is neither a GUID nor a domain name
     * @throws NullPointerException if {@code value} is null
     */
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    /**
     * True when this is the tenant's GUID rather than a domain.
     *
     * @return true if the value is a GUID, false if it is a domain name
     */
    public boolean isGuid() {
        return GUID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
