package dev.entrasync.examples.web;

import dev.entrasync.model.EntraSecureScore;
import java.util.List;
import java.util.Locale;

/** A small SVG line chart of the secure score over time, with the maximum as a dashed line. */
final class ScoreChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 180;
    private static final int PAD = 30;

    private ScoreChart() {}

    /** The chart of the snapshots (oldest first); a note when there are none. */
    static String svg(List<EntraSecureScore> series) {
        List<EntraSecureScore> known =
                series.stream().filter(s -> s.currentScore() != null).toList();
        if (known.isEmpty()) {
            return "<p>No secure score synced yet.</p>";
        }
        double top = known.stream()
                .mapToDouble(s -> s.maxScore() != null ? s.maxScore() : s.currentScore())
                .max()
                .orElse(1);
        top = top <= 0 ? 1 : top;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < known.size(); i++) {
            double x = PAD + (known.size() == 1 ? 0 : (WIDTH - 2.0 * PAD) * i / (known.size() - 1));
            double y = HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * known.get(i).currentScore() / top;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        EntraSecureScore first = known.get(0);
        EntraSecureScore last = known.get(known.size() - 1);
        return "<svg id=\"score-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + HEIGHT
                + "\" role=\"img\" aria-label=\"Secure score over time\">"
                + line(PAD, WIDTH - PAD, PAD, "#8c959f", "4 4")
                + line(PAD, WIDTH - PAD, HEIGHT - PAD, "#d0d7de", null)
                + "<polyline fill=\"none\" stroke=\"#0f3d68\" stroke-width=\"2\" points=\""
                + points.toString().trim() + "\"/>"
                + text(PAD, PAD - 8, "max " + Math.round(top))
                + text(PAD, HEIGHT - 8, first.createdDateTime().toString().substring(0, 10))
                + text(
                        WIDTH - PAD - 70,
                        HEIGHT - 8,
                        last.createdDateTime().toString().substring(0, 10))
                + text(WIDTH - PAD - 70, PAD - 8, "now " + Math.round(last.currentScore()))
                + "</svg>";
    }

    private static String line(int x1, int x2, int y, String colour, String dash) {
        return "<line x1=\"" + x1 + "\" x2=\"" + x2 + "\" y1=\"" + y + "\" y2=\"" + y + "\" stroke=\"" + colour + "\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }

    private static String text(int x, int y, String label) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"11\" fill=\"#57606a\">" + Html.esc(label) + "</text>";
    }
}
