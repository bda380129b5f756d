package dev.entrasync.internal.graph;

import java.net.URI;
import java.util.Locale;

/**
 * A URL's origin (scheme, host, port, the port defaulted from the scheme), as the web compares them.
 * Graph's requests, their {@code @odata.nextLink}s and {@code @odata.deltaLink}s, and the bearer token
 * stay on the origin of the credential's Graph URL. Immutable.
 *
 * @param scheme lower-case scheme
 * @param host lower-case host (an IPv6 literal keeps its brackets)
 * @param port the port, 80 or 443 when the URL names none
 */
record Origin(String scheme, String host, int port) {

    /** The origin of an absolute URL; null when it has no scheme or host (a relative or malformed link). */
    static Origin of(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        return new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
    }

    /** The origin of a link as text; null when it is not an absolute URL with a host. */
    static Origin of(String link) {
        try {
            return of(URI.create(link));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the URL is on this origin and carries no user-info (which could smuggle another host). */
    boolean contains(URI uri) {
        return uri != null && uri.getRawUserInfo() == null && equals(of(uri));
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
