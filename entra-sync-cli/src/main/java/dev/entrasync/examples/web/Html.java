package dev.entrasync.examples.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's HTML: one layout, escaping, tables and forms. Everything shown is escaped. Pages carry no
 * script and no inline {@code style} attributes: the one {@code <style>} block is allowed by its hash in the
 * Content-Security-Policy ({@link #STYLE_HASH}), so an injected style or script would not run.
 */
final class Html {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0;color:#1b1f24;background:#f5f6f8}
            header{background:#0f3d68;color:#fff;padding:12px 24px;display:flex;gap:24px;align-items:center}
            header a{color:#fff;text-decoration:none;font-weight:500} header b{font-size:18px;margin-right:24px}
            main{padding:20px 24px;max-width:1200px} .sim{background:#fff4ce;padding:6px 24px;font-size:13px}
            table{border-collapse:collapse;background:#fff;width:100%;margin:8px 0 16px}
            th,td{border-bottom:1px solid #e1e4e8;padding:6px 8px;text-align:left;font-size:14px;vertical-align:top}
            th{background:#eef1f4} .card{display:inline-block;background:#fff;border:1px solid #e1e4e8;padding:10px 16px;
            margin:0 8px 8px 0;min-width:110px} .card b{display:block;font-size:22px} .ok{color:#1a7f37;font-weight:600}
            .bad{color:#cf222e;font-weight:600} .warn{color:#9a6700;font-weight:600} .msg{background:#fff;border-left:4px solid
            #0f3d68;padding:10px 14px;margin:10px 0} .error{border-left-color:#cf222e} form.inline{display:inline}
            label{display:block;margin:8px 0 2px;font-size:13px} input,select{padding:5px;min-width:320px}
            button{padding:5px 12px;background:#0f3d68;color:#fff;border:0;border-radius:3px;cursor:pointer}
            nav.tabs a{margin-right:14px} nav.tabs a.on{font-weight:700;text-decoration:none;color:#1b1f24}
            input.check{min-width:0} #score-chart{background:#fff;border:1px solid #e1e4e8}
            header form{margin-left:auto} header button{background:#fff;color:#0f3d68}
            """;

    /** The CSP source for the {@link #STYLE} block: {@code 'sha256-...'}. */
    static final String STYLE_HASH = "'sha256-" + sha256(STYLE) + "'";

    /** The hidden form field that carries the session's CSRF token. */
    static final String CSRF_FIELD = "csrf";

    private static final Pattern POST_FORM = Pattern.compile("<form\\b[^>]*\\bmethod=\"post\"[^>]*>");

    private Html() {}

    /**
     * A whole page of a signed-in administrator: title, navigation with "Log out", the simulation banner when
     * there is one, and the body. Every {@code method="post"} form on it gets the session's CSRF token as a
     * hidden field, so no page can forget it.
     *
     * @param refresh whether the page reloads itself every two seconds (live job status)
     * @param csrfToken the session's CSRF token
     */
    static String page(String title, String simulationNote, String body, boolean refresh, String csrfToken) {
        String page = head(title, refresh)
                + "<header><b>entra-sync portal</b><a href=\"/\">Companies</a><a href=\"/credentials\">Credentials</a>"
                + "<a href=\"/connect\">Connect a tenant</a><a href=\"/discover\">Discovered tenants</a>"
                + "<a href=\"/jobs\">Jobs</a><a href=\"/findings\">Findings</a><form method=\"post\" action=\"/logout\"><button id=\"logout\">Log out"
                + "</button></form></header>"
                + (simulationNote == null ? "" : "<div class=\"sim\">" + esc(simulationNote) + "</div>")
                + "<main><h1>" + esc(title) + "</h1>" + body + "</main></body></html>";
        return withCsrfToken(page, csrfToken);
    }

    /**
     * A page for someone without a session (the login page, a customer's administrator back from consent):
     * no navigation, no simulation banner, nothing but the body.
     */
    static String publicPage(String title, String body, boolean refresh) {
        return head(title, refresh) + "<header><b>entra-sync portal</b></header><main><h1>" + esc(title) + "</h1>"
                + body + "</main></body></html>";
    }

    private static String head(String title, boolean refresh) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + esc(title) + " · entra-sync</title>"
                + (refresh ? "<meta http-equiv=\"refresh\" content=\"2\">" : "") + "<style>" + STYLE
                + "</style></head><body>";
    }

    /** Adds the hidden CSRF field right after the opening tag of every POST form. */
    static String withCsrfToken(String html, String csrfToken) {
        if (csrfToken == null) {
            return html;
        }
        String field = "<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"" + esc(csrfToken) + "\">";
        return POST_FORM.matcher(html).replaceAll(m -> Matcher.quoteReplacement(m.group() + field));
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A table of escaped cells; {@code rawHtmlColumn} (or -1) holds markup the caller built and escaped. */
    static String table(List<String> headers, List<List<String>> rows, int rawHtmlColumn) {
        StringBuilder html = new StringBuilder("<table><tr>");
        headers.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
        html.append("</tr>");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                html.append("<td>")
                        .append(i == rawHtmlColumn ? row.get(i) : esc(row.get(i)))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }

    /** A table whose cells are HTML the caller built and escaped; headers are escaped here. */
    static String rawTable(List<String> headers, List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<table id=\"records\"><tr>");
        headers.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
        html.append("</tr>");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(cell).append("</td>"));
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }

    static String message(String text, boolean error) {
        return "<div class=\"msg" + (error ? " error" : "") + "\" id=\"message\">" + esc(text) + "</div>";
    }

    /** A one-button form posting to {@code action}. */
    static String button(String action, String label, String id) {
        return "<form class=\"inline\" method=\"post\" action=\"" + esc(action) + "\"><button id=\"" + esc(id) + "\">"
                + esc(label) + "</button></form>";
    }

    static String statusClass(String status) {
        return switch (status) {
            case "SUCCEEDED", "CONSENTED" -> "ok";
            case "FAILED", "CANCELLED", "UNREACHABLE" -> "bad";
            default -> "warn";
        };
    }
}
