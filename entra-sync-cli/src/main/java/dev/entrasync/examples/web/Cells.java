package dev.entrasync.examples.web;

import java.text.DateFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Table cells as a viewer reads them, each already escaped HTML: dates in the viewer's locale (from the
 * browser's {@code Accept-Language}, since the portal runs no script) inside a {@code <time>} element carrying
 * the exact ISO-8601 UTC instant, booleans as words, lists comma-separated.
 */
final class Cells {

    private static final Set<Locale> AVAILABLE = Set.copyOf(Arrays.asList(DateFormat.getAvailableLocales()));

    private final Locale locale;
    private final DateTimeFormatter dates;

    Cells(Locale locale) {
        this.locale = locale;
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(ZoneOffset.UTC);
    }

    /** Cells for the first supported locale of an {@code Accept-Language} header; English when none is. */
    static Cells forAcceptLanguage(String header) {
        return new Cells(locale(header));
    }

    static Locale locale(String header) {
        if (header == null || header.isBlank() || header.length() > 500) {
            return Locale.ENGLISH;
        }
        try {
            Locale found = Locale.lookup(Locale.LanguageRange.parse(header), AVAILABLE);
            return found == null || found.getLanguage().isEmpty() ? Locale.ENGLISH : found;
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }

    Locale locale() {
        return locale;
    }

    /** {@code <time datetime="2026-03-10T09:00:00Z">10 Mar 2026, 09:00 UTC</time>}, or empty. */
    String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        return "<time datetime=\"" + instant + "\" title=\"" + instant + "\">" + Html.esc(dates.format(instant))
                + " UTC</time>";
    }

    /** "Yes", "No", or empty when unknown. */
    static String yesNo(Boolean value) {
        return value == null ? "" : value ? "Yes" : "No";
    }

    static String text(Object value) {
        return value == null ? "" : Html.esc(value);
    }

    static String list(List<String> values) {
        return values.stream().map(Html::esc).collect(Collectors.joining(", "));
    }

    static String joined(String... values) {
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).collect(Collectors.joining(" · "));
    }
}
