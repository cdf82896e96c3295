package dev.prebreak.sim.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prebreak.sim.org.AgentState;
import dev.prebreak.sim.org.PresenceDefinition;

/** How presences look on the wire; shared by the presence, users and routing resources. */
final class PresenceJson {
    private PresenceJson() {
    }

    /** A {@code UserPresence}: systemPresence in the user-presence spelling ("On Queue"). */
    static ObjectNode userPresence(AgentState s, Variations v) {
        ObjectNode p = Wire.object();
        p.put("id", s.userId());
        p.put("name", s.name());
        p.put("source", "PURECLOUD");
        p.put("primary", true);
        p.set("presenceDefinition", shownRef(s, v));
        p.put("message", "");
        p.put("modifiedDate", Wire.time(s.presenceModified()));
        p.put("selfUri", "/api/v2/users/" + s.userId() + "/presences/purecloud");
        return p;
    }

    /** A {@code UcUserPresence} as the bulk read answers: no {@code primary}, plus {@code userId}. */
    static ObjectNode ucUserPresence(AgentState s, Variations v) {
        ObjectNode p = Wire.object();
        p.put("userId", s.userId());
        p.put("source", "PURECLOUD");
        p.set("presenceDefinition", shownRef(s, v));
        p.put("message", "");
        p.put("modifiedDate", Wire.time(s.presenceModified()));
        return p;
    }

    private static ObjectNode shownRef(AgentState s, Variations v) {
        return UnknownEnums.showsUnknownPresence(v, s) ? UnknownEnums.presenceRef() : definitionRef(s.presence());
    }

    static ObjectNode definitionRef(PresenceDefinition d) {
        ObjectNode ref = Wire.object();
        ref.put("id", d.id());
        ref.put("systemPresence", d.systemPresence().userPresenceSpelling());
        ref.put("selfUri", "/api/v2/presencedefinitions/" + d.id());
        return ref;
    }

    /** An {@code OrganizationPresenceDefinition}: systemPresence spelled "OnQueue". */
    static ObjectNode definition(PresenceDefinition d) {
        ObjectNode e = Wire.object();
        e.put("id", d.id());
        e.put("name", d.name());
        e.put("type", d.system() ? "System" : "User");
        ObjectNode labels = e.putObject("languageLabels");
        d.languageLabels().forEach(labels::put);
        e.put("systemPresence", d.systemPresence().definitionSpelling());
        if (d.divisionId() != null) {
            e.put("divisionId", d.divisionId());
        }
        e.put("deactivated", d.deactivated());
        e.put("selfUri", "/api/v2/presence/definitions/" + d.id());
        return e;
    }

    static ObjectNode routingStatus(AgentState s, Variations v) {
        ObjectNode r = Wire.object();
        r.put("userId", s.userId());
        r.put("status", UnknownEnums.showsUnknownRouting(v, s) ? UnknownEnums.ROUTING_STATUS : s.routingStatus().name());
        r.put("startTime", Wire.time(s.routingSince()));
        return r;
    }

    /**
     * {@code UserConversationSummary}: with a work model, the ACD interactions the agent holds per media,
     * connected ({@code active}) or in after-call work ({@code acw}); without one, an interaction in
     * progress counts as one active chat.
     */
    static ObjectNode conversationSummary(AgentState s) {
        ObjectNode c = Wire.object();
        c.put("userId", s.userId());
        for (String media : new String[] {"call", "callback", "email", "message", "chat", "socialExpression", "video"}) {
            int active;
            int acw;
            if (s.work() != null) {
                active = s.work().active(media);
                acw = s.work().acw(media);
            } else {
                active = media.equals("chat") && s.interacting() ? 1 : 0;
                acw = 0;
            }
            ObjectNode m = c.putObject(media);
            m.putObject("contactCenter").put("active", active).put("acw", acw);
            m.putObject("enterprise").put("active", 0).put("acw", 0);
        }
        return c;
    }
}
