package dev.prebreak.aws.tick;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What an EventBridge Scheduler invocation asks for: the schedule's input, sent to Lambda as is.
 * {@code {"businessUnitIds": ["..."]}} narrows the tick to those business units, so that one function
 * serves one schedule per unit; no input (or {@code {}}) ticks everything configured.
 */
public record TickRequest(List<String> businessUnitIds) {
    public static final String BUSINESS_UNIT_IDS = "businessUnitIds";
    public static final TickRequest EVERYTHING = new TickRequest(List.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    public TickRequest {
        businessUnitIds = List.copyOf(businessUnitIds);
    }

    /**
     * Reads the invocation payload. Unknown fields are refused rather than ignored: a typo in a
     * schedule's input would otherwise widen the tick to every unit without anyone noticing.
     *
     * @throws IllegalArgumentException naming what is wrong with the payload
     */
    public static TickRequest parse(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        if (text.isEmpty() || text.equals("null")) {
            return EVERYTHING;
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the invocation input is not JSON: " + e.getOriginalMessage());
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("the invocation input must be a JSON object such as {\"" + BUSINESS_UNIT_IDS + "\": [\"...\"]}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(BUSINESS_UNIT_IDS)) {
                throw new IllegalArgumentException("the invocation input has an unknown field '" + name + "'; the only field is " + BUSINESS_UNIT_IDS);
            }
        }
        JsonNode ids = root.get(BUSINESS_UNIT_IDS);
        if (ids == null || ids.isNull()) {
            return EVERYTHING;
        }
        if (!ids.isArray()) {
            throw new IllegalArgumentException(BUSINESS_UNIT_IDS + " must be a list of business unit ids");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw new IllegalArgumentException(BUSINESS_UNIT_IDS + " must hold non-empty ids, got " + id);
            }
            list.add(id.asText().trim());
        }
        return new TickRequest(list);
    }
}
