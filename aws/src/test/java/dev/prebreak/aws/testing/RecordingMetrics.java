package dev.prebreak.aws.testing;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** Keeps what each flush would have written, instead of writing EMF lines. */
public final class RecordingMetrics implements Metrics {
    private Map<String, Double> current = new LinkedHashMap<>();
    private final List<Map<String, Double>> flushed = new ArrayList<>();
    private final List<Map<String, String>> dimensions = new ArrayList<>();
    private DimensionSet defaults = DimensionSet.of("Service", "prebreak");

    public synchronized List<Map<String, Double>> flushed() {
        return List.copyOf(flushed);
    }

    public synchronized Map<String, Double> last() {
        return flushed.get(flushed.size() - 1);
    }

    @Override public synchronized void addMetric(String key, double value, MetricUnit unit, MetricResolution resolution) {
        current.merge(key, value, Double::sum);
    }
    /** The dimensions the last flush was written with. */
    public synchronized Map<String, String> lastDimensions() {
        return dimensions.get(dimensions.size() - 1);
    }

    @Override public void addDimension(DimensionSet dimensionSet) {
        throw new UnsupportedOperationException("a second dimension set would publish every value twice");
    }
    @Override public void setTimestamp(Instant timestamp) { }
    @Override public void addMetadata(String key, Object value) { }
    @Override public synchronized void setDefaultDimensions(DimensionSet dimensionSet) { defaults = dimensionSet; }
    @Override public synchronized DimensionSet getDefaultDimensions() { return defaults; }
    @Override public void setNamespace(String namespace) { }
    @Override public void setRaiseOnEmptyMetrics(boolean raiseOnEmptyMetrics) { }
    @Override public void clearDefaultDimensions() { }
    @Override public synchronized void flush() {
        flushed.add(Map.copyOf(current));
        dimensions.add(Map.copyOf(defaults.getDimensions()));
        current = new LinkedHashMap<>();
    }
    @Override public void captureColdStartMetric(Context context, DimensionSet dimensions) { }
    @Override public void captureColdStartMetric(DimensionSet dimensions) { }
    @Override public void flushMetrics(Consumer<Metrics> metricsConsumer) { metricsConsumer.accept(this); }
}
