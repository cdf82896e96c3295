package dev.prebreak.core.gateway;

import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.core.schedule.ActivityCode;
import dev.prebreak.core.schedule.AgentSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What prebreak reads from and writes to Genesys Cloud. The adapter owns the wire: auth, pacing,
 * retries, paging, batching and the shapes of a schedule search. Every method either answers in full
 * or throws {@link GatewayException}; a partial answer is never passed off as whole.
 */
public interface GenesysGateway {

    BusinessUnit businessUnit(String businessUnitId);

    ManagementUnit managementUnit(String managementUnitId);

    List<ManagementUnit> managementUnits(String businessUnitId);

    /** Ids of the agents in a management unit. */
    List<String> managementUnitUsers(String managementUnitId);

    List<ActivityCode> activityCodes(String businessUnitId);

    List<PresenceDefinition> presenceDefinitions();

    /**
     * Published schedules of the given agents over [from, to): every shift overlapping the window,
     * flattened into activities. Agents without a schedule may be left out of the answer.
     */
    List<AgentSchedule> schedules(String businessUnitId, Collection<String> userIds, Instant from, Instant to);

    /** Presence and routing status of the given agents; an agent that could not be read is left out. */
    Map<String, AgentState> agentStates(Collection<String> userIds);

    /**
     * Display names of the given agents, for people reading reports and audits: best effort, so an agent
     * whose name is not known (yet) is left out, and a failure is an empty answer, never a failed tick.
     * Adapters read them in bulk and keep them, so that names cost few calls.
     */
    default Map<String, String> agentNames(Collection<String> userIds) {
        return Map.of();
    }

    /** Sets presences, one outcome per change; a failure for one agent does not stop the others. */
    List<PresenceWriteOutcome> setPresences(List<PresenceChange> changes);

    /** Traffic so far. */
    ApiUsage usage();

    /**
     * How far Genesys' clock is ahead of this machine's (negative: behind), as the latest answer showed;
     * empty before any answer, or where the adapter cannot tell.
     */
    default Optional<Duration> clockOffset() {
        return Optional.empty();
    }

    /** A view of this gateway whose calls give up (with {@link GatewayException}) once {@code deadline} passes. */
    default GenesysGateway within(Instant deadline) {
        return this;
    }
}
