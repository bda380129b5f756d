package dev.entrasync;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A Microsoft cloud: the Entra login (authority) host and the Microsoft Graph host that belong
 * together. This class is the only place in entra-sync that names a Microsoft host.
 *
 * <p>Hosts pick one of the four national clouds, or build a {@link #custom(String, String) custom}
 * pair for tests and simulations (for example the testkit's simulated cloud on localhost).
 * Instances are immutable and thread-safe; no method accepts or returns {@code null}.
 */
public final class Cloud {

    /** Global Azure, including Microsoft 365 GCC. */
    public static final Cloud GLOBAL =
            new Cloud("global", "https://login.microsoftonline.com", "https://graph.microsoft.com", false);
    /** US Government L4 (GCC High). */
    public static final Cloud US_GOV =
            new Cloud("usgov", "https://login.microsoftonline.us", "https://graph.microsoft.us", false);
    /** US Government L5 (DoD). */
    public static final Cloud US_GOV_DOD =
            new Cloud("usgov-dod", "https://login.microsoftonline.us", "https://dod-graph.microsoft.us", false);
    /** Microsoft Azure operated by 21Vianet (China). */
    public static final Cloud CHINA = new Cloud(
            "china", "https://login.partner.microsoftonline.cn", "https://microsoftgraph.chinacloudapi.cn", false);

    private static final List<Cloud> NATIONAL = List.of(GLOBAL, US_GOV, US_GOV_DOD, CHINA);

    /** Microsoft's page that explains an AADSTS code ({@code ?code=NNNN}), the same for every cloud. */
    public static final String AADSTS_LOOKUP = "https://login.microsoftonline.com/error";

    private final String name;
    private final URI loginUrl;
    private final URI graphUrl;
    private final boolean custom;

    private Cloud(String name, String loginUrl, String graphUrl, boolean custom) {
        this.name = name;
        this.loginUrl = baseUrl("loginUrl", loginUrl);
        this.graphUrl = baseUrl("graphUrl", graphUrl);
        this.custom = custom;
    }

    /**
     * A custom pair of endpoints, for a simulated cloud or a proxy. Each URL is a scheme, a host, an
     * optional port and an optional path, nothing else (no user-info, query or fragment). Plain
     * {@code http://} is accepted only for a literal loopback address ({@code 127.0.0.0/8} written as
     * four decimal numbers, {@code [::1]}) or {@code localhost}, where the client secret and tokens
     * never leave the machine; anything else must be {@code https://}. Requests, their next and delta
     * links and the bearer token then stay on the Graph URL's origin (scheme, host and port).
     *
     * @param loginUrl the authority base, for example {@code http://127.0.0.1:50123}
     * @param graphUrl the Graph base (without {@code /v1.0}), for example {@code http://127.0.0.1:50124}
     * @return a new custom cloud named {@code custom}; never null
     * @throws IllegalArgumentException naming the URL: malformed, with user-info, a query or a fragment, or
     *     plain HTTP on a host that is not a literal loopback address or {@code localhost}
     * @throws NullPointerException if {@code loginUrl} or {@code graphUrl} is null
     */
    public static Cloud custom(String loginUrl, String graphUrl) {
        return new Cloud("custom", loginUrl, graphUrl, true);
    }

    /**
     * The national cloud with this name: {@code global}, {@code usgov}, {@code usgov-dod} or {@code china}.
     *
     * @param name the cloud's name; case-insensitive, surrounding blanks ignored; never null
     * @return the national cloud; never null
     * @throws IllegalArgumentException naming the accepted values, for any other name
     * @throws NullPointerException if {@code name} is null
     */
    public static Cloud of(String name) {
        Objects.requireNonNull(name, "cloud");
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Cloud cloud : NATIONAL) {
            if (cloud.name.equals(wanted)) {
                return cloud;
            }
        }
        throw new IllegalArgumentException("cloud: unknown cloud '" + name
                + "'; use one of global, usgov, usgov-dod, china (or Cloud.custom(loginUrl, graphUrl))");
    }

    /**
     * The four national clouds, in a stable order.
     *
     * @return an unmodifiable list of {@link #GLOBAL}, {@link #US_GOV}, {@link #US_GOV_DOD} and {@link #CHINA}, in that
     *     order
     */
    public static List<Cloud> nationalClouds() {
        return NATIONAL;
    }

    /**
     * {@code global}, {@code usgov}, {@code usgov-dod}, {@code china} or {@code custom}.
     *
     * @return the cloud's name; never null
     */
    public String name() {
        return name;
    }

    /**
     * The login authority base URL, without a trailing slash.
     *
     * @return the login authority's base URL; never null
     */
    public URI loginUrl() {
        return loginUrl;
    }

    /**
     * The Graph base URL (without {@code /v1.0}), without a trailing slash.
     *
     * @return the Graph base URL; never null
     */
    public URI graphUrl() {
        return graphUrl;
    }

    /**
     * True for a {@link #custom(String, String)} pair.
     *
     * @return true if this cloud was made by {@link #custom(String, String)}, false for a national cloud
     */
    public boolean isCustom() {
        return custom;
    }

    /**
     * The client-credentials scope for this cloud's Graph: {@code {graph host}/.default}.
     *
     * @return the Graph base URL followed by {@code /.default}; never null
     */
    public String graphScope() {
        return graphUrl + "/.default";
    }

    private static URI baseUrl(String field, String value) {
        Objects.requireNonNull(value, field);
        String trimmed = value.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": not a URL: " + value, e);
        }
        if (uri.getRawUserInfo() != null
                || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new IllegalArgumentException(field + ": must not carry user-info (user:password@) in the URL; give"
                    + " the host alone, e.g. https://graph.example.com (credentials belong in the AppCredential)");
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException(field + ": not an absolute URL with a host: " + value);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            if (!isLoopback(uri.getHost())) {
                throw new IllegalArgumentException(field + ": plain http:// is allowed only on a loopback address"
                        + " written literally (127.x.y.z, [::1]) or localhost, where the secret never leaves the machine;"
                        + " use https:// for " + value);
            }
        } else if (!scheme.equals("https")) {
            throw new IllegalArgumentException(field + ": scheme must be https (or http on loopback): " + value);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(field + ": must not have a query or fragment: " + value);
        }
        return uri;
    }

    /** {@code localhost}, {@code [::1]}, or an IPv4 literal of 127.0.0.0/8 as four decimal numbers. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || h.equals("[0:0:0:0:0:0:0:1]")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty()
                    || part.length() > 3
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cloud other
                && name.equals(other.name)
                && loginUrl.equals(other.loginUrl)
                && graphUrl.equals(other.graphUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, loginUrl, graphUrl);
    }

    @Override
    public String toString() {
        return custom ? "Cloud[custom login=" + loginUrl + " graph=" + graphUrl + "]" : "Cloud[" + name + "]";
    }
}
