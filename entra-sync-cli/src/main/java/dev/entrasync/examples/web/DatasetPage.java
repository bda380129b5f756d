package dev.entrasync.examples.web;

import dev.entrasync.Dataset;
import dev.entrasync.TenantId;
import dev.entrasync.jdbc.DatasetColumns;
import dev.entrasync.jdbc.JdbcQueries;
import dev.entrasync.jdbc.RecordPage;
import dev.entrasync.model.EntraRecord;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One dataset tab of a company page: a search box and one page of records read from the database
 * ({@link JdbcQueries#page}: paged and searched there, not in memory), with links to the other pages. The page
 * number and the search come from the query string and are never trusted: a page that is not a number, below 1
 * or past the end shows the nearest real page, and the search is a bound SQL parameter and escaped HTML.
 */
final class DatasetPage {

    /** Records per page. */
    static final int SIZE = 50;
    /** The longest search kept, in characters. */
    static final int MAX_SEARCH = 200;

    private static final long MAX_PAGE = Integer.MAX_VALUE / SIZE;

    private final JdbcQueries queries;
    private final Cells cells;

    DatasetPage(JdbcQueries queries, Cells cells) {
        this.queries = queries;
        this.cells = cells;
    }

    /** The tab's HTML for company {@code companyId}. */
    String render(String companyId, TenantId tenant, Dataset dataset, String rawSearch, String rawPage) {
        DatasetColumns<?> table = DatasetColumns.of(dataset);
        String search = search(rawSearch);
        long number = pageNumber(rawPage);
        RecordPage<? extends EntraRecord> page =
                queries.page(tenant, table.type(), search, (int) ((number - 1) * SIZE), SIZE);
        long last = Math.max(1, (page.total() + SIZE - 1) / SIZE);
        if (number > last) {
            number = last;
            page = queries.page(tenant, table.type(), search, (int) ((number - 1) * SIZE), SIZE);
        }
        List<List<String>> rows = new ArrayList<>();
        for (EntraRecord record : page.records()) {
            rows.add(RecordTables.cells(table, record, cells));
        }
        StringBuilder html = new StringBuilder("<form method=\"get\" action=\"/companies/")
                .append(Html.esc(companyId))
                .append("\" id=\"search\"><input type=\"hidden\" name=\"tab\" value=\"")
                .append(dataset.key())
                .append("\"><input id=\"q\" name=\"q\" type=\"search\" maxlength=\"")
                .append(MAX_SEARCH)
                .append("\" placeholder=\"Search\" value=\"")
                .append(Html.esc(search == null ? "" : search))
                .append("\"> <button id=\"search-go\">Search</button></form>");
        if (page.total() == 0) {
            html.append("<p id=\"empty\">")
                    .append(search == null ? "Nothing synced yet." : "Nothing matches “" + Html.esc(search) + "”.")
                    .append("</p>");
            return html.toString();
        }
        html.append(Html.rawTable(table.names(), rows));
        long from = (number - 1) * SIZE + 1;
        long to = from + page.records().size() - 1;
        html.append("<p id=\"pager\"><span id=\"range\">")
                .append(from)
                .append("–")
                .append(to)
                .append(" of ")
                .append(page.total())
                .append("</span>");
        if (last > 1) {
            String base = "/companies/" + companyId + "?tab=" + dataset.key()
                    + (search == null ? "" : "&q=" + URLEncoder.encode(search, StandardCharsets.UTF_8)) + "&page=";
            html.append(" · ");
            if (number > 1) {
                html.append(link("first", base + 1, "First"))
                        .append(' ')
                        .append(link("prev", base + (number - 1), "Previous"))
                        .append(' ');
            }
            html.append("<span id=\"page-of\">Page ")
                    .append(number)
                    .append(" of ")
                    .append(last)
                    .append("</span>");
            if (number < last) {
                html.append(' ')
                        .append(link("next", base + (number + 1), "Next"))
                        .append(' ')
                        .append(link("last", base + last, "Last"));
            }
        }
        return html.append("</p>").toString();
    }

    /** The page asked for: a whole number from 1 (a huge one is capped); anything else is page 1. */
    static long pageNumber(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 40 || !raw.trim().matches("[0-9]+")) {
            return 1;
        }
        String digits = raw.trim();
        long number = digits.length() > 12 ? MAX_PAGE : Long.parseLong(digits);
        return Math.max(1, Math.min(number, MAX_PAGE));
    }

    /** The trimmed search, at most {@value #MAX_SEARCH} characters, or null for none. */
    static String search(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String trimmed = raw.trim();
        return trimmed.length() > MAX_SEARCH ? trimmed.substring(0, MAX_SEARCH) : trimmed;
    }

    private static String link(String id, String href, String label) {
        return "<a id=\"" + id + "\" href=\"" + Html.esc(href) + "\">" + label + "</a>";
    }
}
