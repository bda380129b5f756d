package dev.entrasync.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Looks for a secret in a stored value: its UTF-8 and UTF-16 bytes, and its Base64 and hex text. */
final class SecretScan {

    private SecretScan() {}

    static boolean contains(Object value, String secret) {
        if (value == null) {
            return false;
        }
        byte[] haystack =
                value instanceof byte[] bytes ? bytes : value.toString().getBytes(StandardCharsets.UTF_8);
        return containsBytes(haystack, secret);
    }

    static boolean containsBytes(byte[] haystack, String secret) {
        byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
        List<byte[]> needles = List.of(
                utf8,
                secret.getBytes(StandardCharsets.UTF_16BE),
                secret.getBytes(StandardCharsets.UTF_16LE),
                Base64.getEncoder().withoutPadding().encodeToString(utf8).getBytes(StandardCharsets.US_ASCII),
                HexFormat.of().formatHex(utf8).getBytes(StandardCharsets.US_ASCII),
                HexFormat.of().formatHex(utf8).toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        return needles.stream().anyMatch(needle -> indexOf(haystack, needle) >= 0);
    }

    /** Where {@code needle} first stands in {@code haystack}, or -1. */
    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
