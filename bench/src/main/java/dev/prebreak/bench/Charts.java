package dev.prebreak.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The results page's charts, drawn with XChart and written as SVG and PNG side by side. Legends go
 * outside the plot so they never cover data; XChart picks round axis ticks.
 */
final class Charts {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final int W = 900;
    private static final int H = 480;

    private Charts() {
    }

    /** One curve or scatter. */
    record Series(String name, double[] x, double[] y, boolean line) {
    }

    /** Counts per bin, one step line per series; {@code file} ends in .svg, a .png is written beside it. */
    static void histogram(Path file, String title, String xLabel, String yLabel, double binStart, double binWidth,
                          List<String> names, long[][] counts) throws IOException {
        List<Series> series = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            int bins = counts[s].length;
            double[] x = new double[bins + 1];
            double[] y = new double[bins + 1];
            for (int b = 0; b <= bins; b++) {
                x[b] = binStart + b * binWidth;
                y[b] = counts[s][Math.min(b, bins - 1)];
            }
            series.add(new Series(names.get(s), x, y, true));
        }
        XYChart chart = xy(title, xLabel, yLabel, series, false);
        for (XYSeries s : chart.getSeriesMap().values()) {
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            s.setMarker(SeriesMarkers.NONE);
        }
        save(chart, file);
    }

    /** Lines or dots over numeric axes; {@code logX} for org sizes spanning decades. */
    static void chart(Path file, String title, String xLabel, String yLabel, List<Series> series, boolean logX) throws IOException {
        save(xy(title, xLabel, yLabel, series, logX), file);
    }

    /** Bars per category, one colour per series (say, one per contact centre). */
    static void bars(Path file, String title, String xLabel, String yLabel, List<String> categories, List<String> names,
                     List<List<Double>> values) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(W).height(H + 60).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setOverlapped(false);
        for (int s = 0; s < names.size(); s++) {
            chart.addSeries(names.get(s), categories, values.get(s));
        }
        save(chart, file);
    }

    static XYChart xy(String title, String xLabel, String yLabel, List<Series> series, boolean logX) {
        XYChart chart = new XYChartBuilder().width(W).height(H).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(logX);
        for (Series s : series) {
            if (s.x().length == 0) {
                continue;
            }
            XYSeries added = chart.addSeries(s.name(), s.x(), s.y());
            added.setXYSeriesRenderStyle(s.line() ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Scatter);
        }
        return chart;
    }

    private static void style(Styler styler) {
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setMarkerSize(7);
    }

    /** Writes {@code name.svg} and {@code name.png}. */
    static void save(Chart<?, ?> chart, Path svg) throws IOException {
        Files.createDirectories(svg.toAbsolutePath().getParent());
        String base = svg.toString().replaceFirst("\\.svg$", "");
        VectorGraphicsEncoder.saveVectorGraphic(chart, base, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
    }
}
