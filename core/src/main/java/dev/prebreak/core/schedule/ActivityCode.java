package dev.prebreak.core.schedule;

import java.util.Objects;

/**
 * A business unit's activity code. Default codes have short ids ("1", "2"), custom ones GUIDs,
 * so rules match by category or name rather than by a hard-coded id.
 *
 * @param category null when Genesys answered a category this version does not know
 */
public record ActivityCode(String id, String name, ActivityCategory category, boolean active) {
    public ActivityCode {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
    }
}
