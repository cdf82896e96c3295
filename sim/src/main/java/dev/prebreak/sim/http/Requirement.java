package dev.prebreak.sim.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The permissions an endpoint needs, as the SDK docs state them: "Requires ANY permissions" (one of
 * them suffices), "Requires ALL permissions", or "Requires NO permissions".
 */
public record Requirement(Kind kind, Set<String> permissions) {

    /** How the listed permissions combine. */
    public enum Kind { NONE, ANY, ALL }

    public static final Requirement NONE = new Requirement(Kind.NONE, Set.of());

    public Requirement {
        permissions = Set.copyOf(new TreeSet<>(permissions));
    }

    public static Requirement any(String... permissions) {
        return new Requirement(Kind.ANY, Set.of(permissions));
    }

    public static Requirement all(String... permissions) {
        return new Requirement(Kind.ALL, Set.of(permissions));
    }

    /**
     * Checks a role against this requirement; throws Genesys' 403 when it falls short. Codes and messages
     * as Genesys answers them: {@code missing.any.permissions} "Unable to perform the requested action. You
     * must have at least one of the following permissions assigned: [a, b]" and {@code missing.permissions}
     * "Unable to perform the requested action. You are missing the following permission(s): [a]".
     */
    public void check(Set<String> granted) {
        switch (kind) {
            case NONE -> {
            }
            case ANY -> {
                if (permissions.stream().noneMatch(granted::contains)) {
                    throw new ApiError(403, "missing.any.permissions", "Unable to perform the requested action. "
                            + "You must have at least one of the following permissions assigned: " + list(permissions));
                }
            }
            case ALL -> {
                List<String> missing = new ArrayList<>();
                for (String p : new TreeSet<>(permissions)) {
                    if (!granted.contains(p)) {
                        missing.add(p);
                    }
                }
                if (!missing.isEmpty()) {
                    throw new ApiError(403, "missing.permissions", "Unable to perform the requested action. "
                            + "You are missing the following permission(s): " + list(missing));
                }
            }
        }
    }

    private static String list(java.util.Collection<String> permissions) {
        return "[" + String.join(", ", new TreeSet<>(permissions)) + "]";
    }
}
