package dev.prebreak.genesys.wire;

import dev.prebreak.core.schedule.ActivityCategory;
import dev.prebreak.core.schedule.ActivityCode;

/**
 * {@code BusinessUnitActivityCode}. A category this version does not know maps to null rather
 * than failing: Genesys adds categories, and rules can still match such a code by id or name.
 */
public record ActivityCodeAnswer(String id, String name, Boolean active, Boolean defaultCode, String category,
                                 Integer lengthInMinutes) {

    public ActivityCode toCore() {
        ActivityCategory parsed = ActivityCategory.parse(category).orElse(null);
        if (parsed == null && category != null) {
            UnknownValues.seen("activity category", category,
                    "codes in it match rules only by id or name, never by category");
        }
        // An absent "active" means the API left it out, not that the code was deleted.
        return new ActivityCode(WireException.required(id, "entities[].id"), name, parsed, !Boolean.FALSE.equals(active));
    }
}
