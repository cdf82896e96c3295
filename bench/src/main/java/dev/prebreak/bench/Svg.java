package dev.prebreak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Just enough SVG to publish benchmark results without a plotting library: grouped histograms and
 * line/scatter charts with labelled axes. Coordinates are computed here; the output is plain text.
 */
final class Svg {
    static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd"};
    private static final int W = 760;
    private static final int H = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    /** A named series of points; {@code line} joins them, otherwise they are dots. */
    record Series(String name, double[] x, double[] y, boolean line) {
    }

    private final StringBuilder out = new StringBuilder();

    private Svg(String title) {
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                + "<text x=\"%d\" y=\"25\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", W, H, LEFT, esc(title)));
    }

    /** Side-by-side bars per bin: {@code counts[series][bin]}, bins labelled by their lower edge. */
    static void histogram(Path file, String title, String xLabel, String yLabel, double binStart, double binWidth,
                          List<String> names, long[][] counts) throws IOException {
        Svg svg = new Svg(title);
        int bins = counts[0].length;
        long max = 1;
        for (long[] c : counts) {
            for (long n : c) {
                max = Math.max(max, n);
            }
        }
        double plotW = W - LEFT - RIGHT;
        double binPx = plotW / bins;
        double barPx = binPx / (counts.length + 0.5);
        svg.axes(xLabel, yLabel, 0, max);
        for (int b = 0; b <= bins; b += Math.max(1, bins / 16)) {
            double x = LEFT + b * binPx;
            svg.text(x, H - BOTTOM + 16, fmt(binStart + b * binWidth), "middle");
        }
        for (int s = 0; s < counts.length; s++) {
            for (int b = 0; b < bins; b++) {
                double h = (H - TOP - BOTTOM) * (double) counts[s][b] / max;
                double x = LEFT + b * binPx + binPx * 0.25 / 2 + s * barPx;
                svg.out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                        x, H - BOTTOM - h, Math.max(0.5, barPx - 0.5), h, COLORS[s % COLORS.length]));
            }
        }
        svg.legend(names);
        svg.write(file);
    }

    /** Lines or dots over numeric axes; {@code logX} for org sizes spanning decades. */
    static void chart(Path file, String title, String xLabel, String yLabel, List<Series> series, boolean logX)
            throws IOException {
        Svg svg = new Svg(title);
        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        double yMax = 1;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                xMin = Math.min(xMin, tx(s.x()[i], logX));
                xMax = Math.max(xMax, tx(s.x()[i], logX));
                yMax = Math.max(yMax, s.y()[i]);
            }
        }
        if (xMax == xMin) {
            xMax = xMin + 1;
        }
        yMax *= 1.1;
        svg.axes(xLabel, yLabel, 0, yMax);
        double plotW = W - LEFT - RIGHT;
        double plotH = H - TOP - BOTTOM;
        for (int t = 0; t <= 5; t++) {
            double v = xMin + (xMax - xMin) * t / 5;
            svg.text(LEFT + plotW * t / 5, H - BOTTOM + 16, fmt(logX ? Math.pow(10, v) : v), "middle");
        }
        for (int si = 0; si < series.size(); si++) {
            Series s = series.get(si);
            String color = COLORS[si % COLORS.length];
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < s.x().length; i++) {
                double px = LEFT + plotW * (tx(s.x()[i], logX) - xMin) / (xMax - xMin);
                double py = H - BOTTOM - plotH * s.y()[i] / yMax;
                svg.out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"%s\"/>%n",
                        px, py, s.line() ? "3.5" : "2.5", color));
                path.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", px, py));
            }
            if (s.line() && s.x().length > 1) {
                svg.out.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(color)
                        .append("\" stroke-width=\"2\"/>\n");
            }
        }
        svg.legend(series.stream().map(Series::name).toList());
        svg.write(file);
    }

    private static double tx(double x, boolean log) {
        return log ? Math.log10(Math.max(x, 1e-9)) : x;
    }

    private void axes(String xLabel, String yLabel, double yMin, double yMax) {
        out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM));
        out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, TOP, LEFT, H - BOTTOM));
        for (int t = 0; t <= 5; t++) {
            double v = yMin + (yMax - yMin) * t / 5;
            double y = H - BOTTOM - (H - TOP - BOTTOM) * t / 5.0;
            text(LEFT - 6, y + 4, fmt(v), "end");
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, W - RIGHT, y));
        }
        text((LEFT + W - RIGHT) / 2.0, H - 15, xLabel, "middle");
        out.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%d\" transform=\"rotate(-90 18 %d)\" text-anchor=\"middle\">%s</text>%n",
                (TOP + H - BOTTOM) / 2, (TOP + H - BOTTOM) / 2, esc(yLabel)));
    }

    private void legend(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            double y = TOP + 4 + 18 * i;
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    W - RIGHT - 300, y, COLORS[i % COLORS.length]));
            text(W - RIGHT - 282, y + 10, names.get(i), "start");
        }
    }

    private void text(double x, double y, String s, String anchor) {
        out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor, esc(s)));
    }

    private void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, out + "</svg>\n");
    }

    private static String fmt(double v) {
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v)) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
