package dev.prebreak.core.schedule;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The activity codes of one business unit, looked up by id. */
public final class ActivityCodes {
    private final Map<String, ActivityCode> byId;

    private ActivityCodes(Map<String, ActivityCode> byId) {
        this.byId = byId;
    }

    public static ActivityCodes of(Collection<ActivityCode> codes) {
        Map<String, ActivityCode> byId = new LinkedHashMap<>();
        for (ActivityCode code : codes) {
            byId.put(code.id(), code);
        }
        return new ActivityCodes(Map.copyOf(byId));
    }

    public static ActivityCodes of(ActivityCode... codes) {
        return of(List.of(codes));
    }

    public Optional<ActivityCode> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Collection<ActivityCode> all() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }
}
