package dev.prebreak.cli.doctor;

import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.genesys.Permission;
import dev.prebreak.genesys.http.ApiFailure;

/** What a failed call means for an admin: a permission to add, an id that is wrong, or Genesys' own words. */
final class Refusal {
    private Refusal() {
    }

    /** Whether Genesys refused the call for want of a permission (403). */
    static boolean missingPermission(GatewayException e) {
        return e instanceof ApiFailure failure && failure.status() == 403;
    }

    /** Whether the thing asked for does not exist, or is hidden from the client (404). */
    static boolean notFound(GatewayException e) {
        return e instanceof ApiFailure failure && failure.status() == 404;
    }

    /** The check for a call that failed; a 403 names the permission to add, anything else says what Genesys said. */
    static Check of(String subject, GatewayException e, Permission needed, String otherwise) {
        if (missingPermission(e)) {
            return Check.problem(subject, "Genesys refused for want of a permission: " + e.getMessage(),
                    addPermission(needed));
        }
        return Check.problem(subject, e.getMessage(), otherwise);
    }

    static String addPermission(Permission needed) {
        return "add the permission " + needed.name() + " to the OAuth client's role (Admin > Roles/Permissions);"
                + " prebreak needs it for " + needed.neededFor();
    }
}
