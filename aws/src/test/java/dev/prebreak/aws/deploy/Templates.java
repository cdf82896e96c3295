package dev.prebreak.aws.deploy;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** The deployment templates as data: the SAM template as YAML, the Terraform as (leniently parsed) HCL. */
public final class Templates {
    private Templates() {
    }

    /** The repository root: the nearest directory above the working directory that holds deploy/. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no deploy/ directory above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> sam() {
        try (Reader in = Files.newBufferedReader(root().resolve("deploy/sam/template.yaml"), StandardCharsets.UTF_8)) {
            return (Map<String, Object>) new Yaml(new Intrinsics()).load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The handler string of the SAM template's function. */
    public static String samHandler() {
        return (String) path(sam(), "Resources", "TickFunction", "Properties", "Handler");
    }

    /** The AWS module, deploy/terraform/modules/aws: where the function, its role and the schedules are. */
    public static Map<String, Object> terraform() {
        return terraform("modules/aws");
    }

    /** The text of a file under deploy/terraform. */
    public static String terraformText(String file) {
        try {
            return Files.readString(root().resolve("deploy/terraform").resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * All .tf files of one directory under deploy/terraform ("" for the root, "modules/genesys"...)
     * merged at the top level (resource, data, locals, variable, output, module...).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> terraform(String dir) {
        Map<String, Object> merged = new LinkedHashMap<>();
        try (var files = Files.list(root().resolve("deploy/terraform").resolve(dir))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
                Map<String, Object> parsed = new HCLParser().parse(file.toFile(), "UTF-8");
                parsed.forEach((key, value) -> merged.merge(key, value, (a, b) -> {
                    if (!(a instanceof Map) || !(b instanceof Map)) {
                        return b; // hcl4j's stray top-level entries (a function call it half-evaluates): not blocks
                    }
                    Map<String, Object> both = new LinkedHashMap<>((Map<String, Object>) a);
                    ((Map<String, Object>) b).forEach((k, v) -> both.merge(k, v, (x, y) -> {
                        Map<String, Object> deeper = new LinkedHashMap<>((Map<String, Object>) x);
                        deeper.putAll((Map<String, Object>) y);
                        return deeper;
                    }));
                    return both;
                }));
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse deploy/terraform/" + dir + ": " + e, e);
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    public static Object path(Map<String, Object> tree, String... keys) {
        Object node = tree;
        for (String key : keys) {
            if (!(node instanceof Map)) {
                throw new IllegalArgumentException("no " + String.join(".", keys) + " (stopped at " + key + ")");
            }
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    /** Reads CloudFormation's short intrinsics ({@code !Ref X}) as their long form ({@code {Ref: X}}). */
    private static final class Intrinsics extends SafeConstructor {
        Intrinsics() {
            super(new LoaderOptions());
            for (String name : new String[]{"Ref", "Sub", "GetAtt", "If", "Not", "And", "Or", "Equals", "Join", "Select", "Split"}) {
                String longName = name.equals("Ref") ? "Ref" : "Fn::" + name;
                yamlConstructors.put(new Tag("!" + name), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        Object value;
                        if (node instanceof ScalarNode scalar) {
                            value = constructScalar(scalar);
                        } else if (node instanceof SequenceNode sequence) {
                            value = constructSequence(sequence);
                        } else {
                            value = constructMapping((MappingNode) node);
                        }
                        return Map.of(longName, value);
                    }
                });
            }
        }
    }
}
