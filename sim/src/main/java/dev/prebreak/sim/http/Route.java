package dev.prebreak.sim.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A method plus path template such as {@code /api/v2/users/{userId}/routingstatus}. */
public record Route(String method, String template, String operation, Access access, Handler handler) {

    /** Whether a fault/statistics key names this route: {@code METHOD /template}, the bare template, or the
     * SDK operation name (e.g. {@code putUsersPresencesBulk}), case-insensitively for the operation. */
    public boolean named(String key) {
        return key.equals(endpoint()) || key.equals(template) || key.equalsIgnoreCase(operation);
    }

    /** The name used for statistics and fault matching: {@code METHOD /template}. */
    public String endpoint() {
        return method + " " + template;
    }

    /** Path parameters if {@code path} fits the template, else null. */
    Map<String, String> match(String[] pathSegments) {
        String[] parts = template.substring(1).split("/");
        if (parts.length != pathSegments.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("{") && part.endsWith("}")) {
                if (pathSegments[i].isEmpty()) {
                    return null;
                }
                params.put(part.substring(1, part.length() - 1), pathSegments[i]);
            } else if (!part.equals(pathSegments[i])) {
                return null;
            }
        }
        return params;
    }
}
