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
     * A custom pair of endpoints, for a simulated cloud or a proxy. Plain {@code http://} is accepted
     * only on a loopback address; anything else must be {@code https://}.
     *
     * @param loginUrl the authority base, for example {@code http://127.0.0.1:50123}
     * @param graphUrl the Graph base (without {@code /v1.0}), for example {@code http://127.0.0.1:50124}
     * @throws IllegalArgumentException if a URL is malformed, or plain HTTP on a non-loopback host
     */
    public static Cloud custom(String loginUrl, String graphUrl) {
        return new Cloud("custom", loginUrl, graphUrl, true);
    }

    /**
     * The national cloud with this name: {@code global}, {@code usgov}, {@code usgov-dod} or {@code china}.
     *
     * @throws IllegalArgumentException naming the accepted values, for any other name
     */
    public static Cloud named(String name) {
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

    /** The four national clouds, in a stable order. */
    public static List<Cloud> nationalClouds() {
        return NATIONAL;
    }

    /** {@code global}, {@code usgov}, {@code usgov-dod}, {@code china} or {@code custom}. */
    public String name() {
        return name;
    }

    /** The login authority base URL, without a trailing slash. */
    public URI loginUrl() {
        return loginUrl;
    }

    /** The Graph base URL (without {@code /v1.0}), without a trailing slash. */
    public URI graphUrl() {
        return graphUrl;
    }

    /** True for a {@link #custom(String, String)} pair. */
    public boolean isCustom() {
        return custom;
    }

    /** The client-credentials scope for this cloud's Graph: {@code {graph host}/.default}. */
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
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException(field + ": not an absolute URL with a host: " + value);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            if (!isLoopback(uri.getHost())) {
                throw new IllegalArgumentException(field + ": plain http:// is allowed only on a loopback address"
                        + " (127.0.0.1, localhost, [::1]); use https:// for " + value);
            }
        } else if (!scheme.equals("https")) {
            throw new IllegalArgumentException(field + ": scheme must be https (or http on loopback): " + value);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(field + ": must not have a query or fragment: " + value);
        }
        return uri;
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cloud other && name.equals(other.name)
                && loginUrl.equals(other.loginUrl) && graphUrl.equals(other.graphUrl);
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
