package dev.prebreak.sim.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prebreak.sim.org.AgentState;
import dev.prebreak.sim.org.Org;

/**
 * Enum values newer than any client knows, emitted when {@link Variations#unknownEnums()} is on, so that
 * a client's tolerance of a new Genesys value can be tested: a system presence, a presence definition
 * type, a routing status and an activity category that Genesys does not have (yet). Only the answers
 * change: an agent shown with an unknown presence or routing status keeps their real state underneath,
 * and a write to them works as usual.
 */
public final class UnknownEnums {
    public static final String SYSTEM_PRESENCE = "Recharge";
    public static final String PRESENCE_TYPE = "Automatic";
    public static final String ROUTING_STATUS = "SUSPENDED";
    public static final String ACTIVITY_CATEGORY = "Wellbeing";

    /** A definition whose {@code systemPresence} is {@link #SYSTEM_PRESENCE}. */
    public static final String SYSTEM_PRESENCE_DEFINITION_ID = "9c1f7a52-6b0e-4f8e-9a3d-5e2b7c4d1f60";
    /** A definition (under Busy) whose {@code type} is {@link #PRESENCE_TYPE}. */
    public static final String TYPED_DEFINITION_ID = "4b6e2d19-8f3a-4c7b-b1e5-0a9d3c6f2e81";
    /** An activity code whose {@code category} is {@link #ACTIVITY_CATEGORY}. */
    public static final String ACTIVITY_CODE_ID = "e7a4c2d8-1b5f-4a96-8c3e-2f0d9b6a4c17";

    /** Share of agents shown with the unknown system presence, and another share with the unknown routing status. */
    public static final double SHARE = 0.05;

    private UnknownEnums() {
    }

    /**
     * Whether this agent is shown in the unknown presence: a fixed 5% of agents, and only while their
     * real presence is a system one other than On Queue, so a presence a client set still reads back.
     */
    static boolean showsUnknownPresence(Variations v, AgentState s) {
        return v.unknownEnums() && s.presence().system() && !s.presence().onQueue()
                && Org.fraction(s.userId(), 2) < SHARE;
    }

    /** Whether this agent is shown with the unknown routing status: another fixed 5% of agents, in any state. */
    static boolean showsUnknownRouting(Variations v, AgentState s) {
        return v.unknownEnums() && Org.fraction(s.userId(), 3) < SHARE;
    }

    /** The presence reference shown for an agent in the unknown presence. */
    static ObjectNode presenceRef() {
        ObjectNode ref = Wire.object();
        ref.put("id", SYSTEM_PRESENCE_DEFINITION_ID);
        ref.put("systemPresence", SYSTEM_PRESENCE);
        ref.put("selfUri", "/api/v2/presencedefinitions/" + SYSTEM_PRESENCE_DEFINITION_ID);
        return ref;
    }

    /** The two extra organization presence definitions. */
    static ObjectNode[] definitions(String divisionId) {
        ObjectNode system = Wire.object();
        system.put("id", SYSTEM_PRESENCE_DEFINITION_ID);
        system.put("name", SYSTEM_PRESENCE);
        system.put("type", "System");
        system.putObject("languageLabels").put("en_US", SYSTEM_PRESENCE);
        system.put("systemPresence", SYSTEM_PRESENCE);
        system.put("divisionId", divisionId);
        system.put("deactivated", false);
        system.put("selfUri", "/api/v2/presence/definitions/" + SYSTEM_PRESENCE_DEFINITION_ID);
        ObjectNode typed = Wire.object();
        typed.put("id", TYPED_DEFINITION_ID);
        typed.put("name", "Focus Time");
        typed.put("type", PRESENCE_TYPE);
        typed.putObject("languageLabels").put("en_US", "Focus Time");
        typed.put("systemPresence", "Busy");
        typed.put("divisionId", divisionId);
        typed.put("deactivated", false);
        typed.put("selfUri", "/api/v2/presence/definitions/" + TYPED_DEFINITION_ID);
        return new ObjectNode[] {system, typed};
    }

    /** The extra activity code. */
    static ObjectNode activityCode(String businessUnitId) {
        ObjectNode e = Wire.object();
        e.put("id", ACTIVITY_CODE_ID);
        e.put("name", ACTIVITY_CATEGORY);
        e.put("active", true);
        e.put("defaultCode", false);
        e.put("category", ACTIVITY_CATEGORY);
        e.put("lengthInMinutes", 15);
        e.put("countsAsPaidTime", true);
        e.put("countsAsWorkTime", false);
        e.putArray("secondaryPresences");
        e.put("selfUri", "/api/v2/workforcemanagement/businessunits/" + businessUnitId + "/activitycodes/"
                + ACTIVITY_CODE_ID);
        return e;
    }
}
