package dev.prebreak.cli.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (0.0.4): every line is a HELP, a TYPE or a
 * sample of a declared family, names and labels are well formed, label values are properly escaped,
 * and each value is a number. Anything else fails the test that reads it.
 */
final class PrometheusText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (\\S+)( -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");

    /** One sample: its metric name with its labels in alphabetical order ({@code name{a="b",c="d"}}) is the key of {@link #samples}. */
    final Map<String, Double> samples = new LinkedHashMap<>();
    /** Family name to type. */
    final Map<String, String> types = new LinkedHashMap<>();
    /** Sample key to its labels. */
    final Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    /** Sample key to the family it belongs to. */
    final Map<String, String> family = new LinkedHashMap<>();

    static PrometheusText parse(String text) {
        PrometheusText out = new PrometheusText();
        if (!text.endsWith("\n")) {
            throw new AssertionError("the exposition does not end with a line feed");
        }
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                continue;
            }
            if ((m = TYPE.matcher(line)).matches()) {
                if (out.types.put(m.group(1), m.group(2)) != null) {
                    throw new AssertionError("family declared twice: " + line);
                }
                continue;
            }
            if (line.startsWith("#")) {
                throw new AssertionError("not a HELP or TYPE line: " + line);
            }
            if (!(m = SAMPLE.matcher(line)).matches()) {
                throw new AssertionError("not a sample line: " + line);
            }
            String name = m.group(1);
            Map<String, String> labels = new java.util.TreeMap<>(); // keys below name labels in alphabetical order
            if (m.group(3) != null && !m.group(3).isEmpty()) {
                Matcher l = LABEL.matcher(m.group(3));
                int at = 0;
                while (at < m.group(3).length()) {
                    if (!l.find(at) || l.start() != at) {
                        throw new AssertionError("bad labels in: " + line);
                    }
                    labels.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
                    at = l.end();
                }
            }
            double value;
            String v = m.group(4);
            try {
                value = v.equals("+Inf") ? Double.POSITIVE_INFINITY : v.equals("-Inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new AssertionError("not a number in: " + line);
            }
            String familyName = familyOf(name, out.types);
            if (familyName == null) {
                throw new AssertionError("sample before its TYPE line: " + line);
            }
            StringBuilder key = new StringBuilder(name);
            if (!labels.isEmpty()) {
                key.append('{');
                labels.forEach((k, val) -> key.append(k).append("=\"").append(val).append("\","));
                key.setLength(key.length() - 1);
                key.append('}');
            }
            if (out.samples.put(key.toString(), value) != null) {
                throw new AssertionError("sample twice: " + line);
            }
            out.labels.put(key.toString(), labels);
            out.family.put(key.toString(), familyName);
        }
        return out;
    }

    /** The declared family a sample name belongs to: itself, or itself less a _total, _bucket, _count, _sum or _created suffix. */
    private static String familyOf(String name, Map<String, String> types) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String suffix : new String[]{"_total", "_bucket", "_count", "_sum", "_created"}) {
            if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return null;
    }

    double value(String key) {
        Double v = samples.get(key);
        if (v == null) {
            throw new AssertionError("no sample " + key + " among " + samples.keySet());
        }
        return v;
    }
}
