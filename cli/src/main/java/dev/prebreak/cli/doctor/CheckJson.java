package dev.prebreak.cli.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** The checks as JSON for machines: each with {@code subject}, {@code verdict} (ok, problem, note), {@code finding}, {@code todo}. */
final class CheckJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckJson() {
    }

    static String render(List<Check> checks, int exitCode) {
        ObjectNode root = JSON.createObjectNode();
        root.put("ok", CheckText.count(checks, Verdict.PROBLEM) == 0);
        root.put("problems", CheckText.count(checks, Verdict.PROBLEM));
        root.put("notes", CheckText.count(checks, Verdict.NOTE));
        root.put("exitCode", exitCode);
        ArrayNode list = root.putArray("checks");
        for (Check check : checks) {
            ObjectNode o = list.addObject();
            o.put("subject", check.subject());
            o.put("verdict", check.verdict().name().toLowerCase(Locale.ROOT));
            o.put("finding", check.finding());
            if (!check.todo().isEmpty()) {
                o.put("todo", check.todo());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the checks as JSON", e);
        }
    }
}
