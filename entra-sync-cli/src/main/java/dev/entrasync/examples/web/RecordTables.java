package dev.entrasync.examples.web;

import dev.entrasync.Dataset;
import dev.entrasync.jdbc.DatasetColumns;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.MfaStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How the company page shows a record: the cells of its dataset's {@link DatasetColumns} (defined there once, for
 * the CLI's {@code show} and the exports too) as escaped HTML. Only the look is decided here: dates in the viewer's
 * locale, booleans as words, scores rounded, lists comma-separated, the group kind and the MFA state styled.
 */
final class RecordTables {

    /** MFA shown for a user whose registration could not be read (no Entra ID P1). */
    static final String MFA_UNKNOWN = "n/a";

    private RecordTables() {}

    /** The row of {@code record}, which must be of {@code columns.type()}: escaped HTML, one cell per column. */
    static List<String> cells(DatasetColumns<?> columns, EntraRecord record, Cells cells) {
        List<Object> values = columns.values(record);
        List<String> names = columns.names();
        List<String> row = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            row.add(cell(columns.dataset(), names.get(i), values.get(i), cells));
        }
        return row;
    }

    private static String cell(Dataset dataset, String column, Object value, Cells cells) {
        if (dataset == Dataset.GROUPS && column.equals("Type") && value != null) {
            return "<span class=\"group-kind\">" + Html.esc(value) + "</span>";
        }
        if (dataset == Dataset.CONDITIONAL_ACCESS && column.equals("State") && value != null) {
            return DatasetColumns.REPORT_ONLY.equals(value)
                    ? "<span class=\"warn\">Report-only</span>"
                    : "enabled".equals(value) ? "On" : "<span class=\"bad\">" + Html.esc(value) + "</span>";
        }
        if (value instanceof MfaStatus.State state) {
            return mfa(state);
        }
        if (value instanceof Instant instant) {
            return cells.time(instant);
        }
        if (value instanceof Boolean b) {
            return Cells.yesNo(b);
        }
        if (value instanceof Double d) {
            return String.valueOf(Math.round(d));
        }
        if (value instanceof List<?> list) {
            return Cells.list(list.stream().map(String::valueOf).toList());
        }
        return Cells.text(value);
    }

    private static String mfa(MfaStatus.State state) {
        return switch (state) {
            case REGISTERED -> "Registered";
            case NOT_REGISTERED -> "<span class=\"bad\">Not registered</span>";
            case UNKNOWN -> "<span title=\"Needs Microsoft Entra ID P1\">" + MFA_UNKNOWN + "</span>";
        };
    }
}
