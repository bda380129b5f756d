package dev.entrasync.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Builds absolute Graph links ({@code @odata.nextLink}, {@code @odata.deltaLink}) and the opaque
 * tokens inside them. Tokens are base64url text that only this simulator reads back.
 */
public final class Links {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Links() {}

    /** Returns {@code graphUrl + path + ?query}, keeping {@code $} , ' ( ) : unescaped as Graph does. */
    public static String url(String graphUrl, String path, Map<String, String> query) {
        StringBuilder url = new StringBuilder(graphUrl).append(path);
        char separator = '?';
        for (Map.Entry<String, String> entry : query.entrySet()) {
            url.append(separator).append(encode(entry.getKey())).append('=').append(encode(entry.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    /** Wraps text as an opaque token. */
    public static String token(String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Unwraps a token made by {@link #token(String)}.
     *
     * @throws GraphException 400 when the token is not one of ours
     */
    public static String untoken(String token) {
        try {
            return new String(DECODER.decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new GraphException(
                    400,
                    "Directory_ExpiredPageToken",
                    "The specified page token value" + " has expired and can no longer be included in your request.");
        }
    }

    private static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~$,'():/@!*;".indexOf(c) >= 0;
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
