package dev.prebreak.genesys;

import java.util.List;

/**
 * A Genesys permission prebreak's OAuth client needs, and what for. {@link #ALL} is the one list: the
 * README, the Terraform role and {@code prebreak doctor} agree with it (a test in the aws module holds
 * them together, and checks each call the client makes against it).
 *
 * @param neededFor the calls that need it, as an admin would look for them
 */
public record Permission(String name, String neededFor) {
    public static final Permission PUBLISHED_SCHEDULES = new Permission("wfm:publishedSchedule:view",
            "reading published schedules, business and management units, their agents and activity codes");
    public static final Permission PRESENCE_DEFINITIONS = new Permission("presence:presenceDefinition:view",
            "reading the org's presences, to find the rules' presences");
    public static final Permission PRESENCE_WRITES = new Permission("presence:userPresence:edit",
            "setting agents' presences in bulk");

    public static final List<Permission> ALL = List.of(PUBLISHED_SCHEDULES, PRESENCE_DEFINITIONS, PRESENCE_WRITES);

    @Override
    public String toString() {
        return name;
    }
}
