package dev.prebreak.cli.serve;

import dev.prebreak.core.config.RuleSettings;
import dev.prebreak.core.gateway.GenesysGateway;
import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.presence.RoutingStatus;
import dev.prebreak.core.presence.SystemPresence;
import dev.prebreak.core.tick.UpcomingAction;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pre-breaks due in the next 30 minutes with who the agent is and whether they are eligible now.
 * After each tick it reads the presences of the agents due soonest, at most {@link #MAX_AGENTS} (two bulk
 * calls) a tick, so the page costs a bounded share of the rate budget however large the unit; the
 * names come with that read, and the client keeps them. Agents beyond the bound show "not read".
 */
final class Lookahead {
    private static final Logger LOG = System.getLogger(Lookahead.class.getName());
    static final int MAX_AGENTS = 100;

    /** Whether the agent could be set to Pre-Break if it were due now; {@code why} says why not. */
    enum Eligible { YES, NO, NOT_READ }

    /** One upcoming pre-break as the page shows it. */
    record Row(UpcomingAction action, String agentName, Eligible eligible, String why) {
    }

    private final GenesysGateway gateway;
    private final Map<String, Set<RoutingStatus>> eligibleByRule;

    /** @param rules the configured rules, for the routing statuses each one allows */
    Lookahead(GenesysGateway gateway, List<RuleSettings> rules) {
        this.gateway = gateway;
        Map<String, Set<RoutingStatus>> byRule = new java.util.HashMap<>();
        rules.forEach(r -> byRule.put(r.name(), r.eligibleRoutingStatuses()));
        this.eligibleByRule = Map.copyOf(byRule);
    }

    /** Reads what it may of {@code upcoming} (sorted by trigger time) and judges each row; gives up calling at {@code deadline}. */
    List<Row> look(List<UpcomingAction> upcoming, Instant deadline) {
        Set<String> soonest = new LinkedHashSet<>();
        for (UpcomingAction u : upcoming) {
            if (soonest.size() >= MAX_AGENTS) {
                break;
            }
            soonest.add(u.userId());
        }
        Map<String, AgentState> states = Map.of();
        Map<String, String> names = Map.of();
        if (!soonest.isEmpty()) {
            GenesysGateway g = gateway.within(deadline);
            try {
                states = g.agentStates(soonest);
                names = g.agentNames(soonest); // the presence read just brought them: no further call for those
            } catch (RuntimeException e) {
                // The page says "not read"; the tick itself is unaffected.
                LOG.log(Level.DEBUG, "presences of upcoming agents not read: {0}", e.getMessage());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (UpcomingAction u : upcoming) {
            String name = !u.agentName().isEmpty() ? u.agentName() : names.getOrDefault(u.userId(), "");
            AgentState state = states.get(u.userId());
            rows.add(judge(u, name, state));
        }
        return rows;
    }

    private Row judge(UpcomingAction u, String name, AgentState state) {
        if (state == null || state.systemPresence() == null) {
            return new Row(u, name, Eligible.NOT_READ, "presence not read");
        }
        if (state.systemPresence() != SystemPresence.ON_QUEUE) {
            return new Row(u, name, Eligible.NO, "not On Queue (" + state.systemPresence().wireName() + ")");
        }
        Set<RoutingStatus> allowed = eligibleByRule.getOrDefault(u.ruleName(), RuleSettings.DEFAULT_ELIGIBLE);
        if (state.routingStatus() == null) {
            return new Row(u, name, Eligible.NOT_READ, "routing status not read");
        }
        if (!allowed.contains(state.routingStatus())) {
            return new Row(u, name, Eligible.NO, "On Queue, " + state.routingStatus() + " is not a status the rule allows");
        }
        return new Row(u, name, Eligible.YES, "On Queue, " + state.routingStatus());
    }
}
