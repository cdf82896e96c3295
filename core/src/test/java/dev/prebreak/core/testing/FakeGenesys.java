package dev.prebreak.core.testing;

import dev.prebreak.core.gateway.ApiUsage;
import dev.prebreak.core.gateway.BusinessUnit;
import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.core.gateway.GenesysGateway;
import dev.prebreak.core.gateway.ManagementUnit;
import dev.prebreak.core.gateway.PresenceChange;
import dev.prebreak.core.gateway.PresenceWriteOutcome;
import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.core.presence.RoutingStatus;
import dev.prebreak.core.presence.SystemPresence;
import dev.prebreak.core.schedule.Activity;
import dev.prebreak.core.schedule.ActivityCode;
import dev.prebreak.core.schedule.AgentSchedule;
import java.time.Instant;
import java.util.Optional;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An in-memory stand-in for the gateway port, for the engine's unit tests (the edge of the unit).
 * End-to-end tests use the real client against the simulator instead.
 */
public final class FakeGenesys implements GenesysGateway {
    public final Map<String, List<Activity>> schedules = new TreeMap<>();
    public final Map<String, AgentState> states = new TreeMap<>();
    public final List<PresenceDefinition> presences = new ArrayList<>(SampleOrg.PRESENCES.all());
    public final List<ActivityCode> codes = new ArrayList<>(SampleOrg.CODES.all());
    public final Map<String, Integer> calls = new TreeMap<>();
    public final List<PresenceChange> writes = new ArrayList<>();
    public final Set<String> failingWrites = new HashSet<>();
    /** Writes that answer "uncertain"; {@code applyUncertain} says whether they really took effect. */
    public final Set<String> uncertainWrites = new HashSet<>();
    public boolean applyUncertain;
    public boolean schedulesFail;
    /** Genesys' clock minus ours, as the Date of its answers would show; null: not known. */
    public Duration genesysClockOffset;
    /** Runs after presence was read and before it is returned: a seam for races. */
    public Consumer<Collection<String>> onStateRead = users -> { };

    public void agent(String user, AgentState state, Activity... activities) {
        schedules.put(user, new ArrayList<>(List.of(activities)));
        states.put(user, state);
    }

    private void count(String call) {
        calls.merge(call, 1, Integer::sum);
    }

    public int calls(String call) {
        return calls.getOrDefault(call, 0);
    }

    @Override
    public BusinessUnit businessUnit(String id) {
        count("businessUnit");
        return new BusinessUnit(id, "Sample BU", ZoneId.of("Europe/Berlin"));
    }

    @Override
    public ManagementUnit managementUnit(String id) {
        count("managementUnit");
        return new ManagementUnit(id, "MU " + id, SampleOrg.BU);
    }

    @Override
    public List<ManagementUnit> managementUnits(String businessUnitId) {
        count("managementUnits");
        return List.of(new ManagementUnit("mu-1", "MU 1", businessUnitId));
    }

    @Override
    public List<String> managementUnitUsers(String managementUnitId) {
        count("managementUnitUsers");
        return new ArrayList<>(schedules.keySet());
    }

    @Override
    public List<ActivityCode> activityCodes(String businessUnitId) {
        count("activityCodes");
        return codes;
    }

    @Override
    public List<PresenceDefinition> presenceDefinitions() {
        count("presenceDefinitions");
        return presences;
    }

    @Override
    public List<AgentSchedule> schedules(String businessUnitId, Collection<String> userIds, Instant from, Instant to) {
        count("schedules");
        if (schedulesFail) {
            throw new GatewayException("schedule search for business unit " + businessUnitId + " failed: 503 after 5 attempts");
        }
        List<AgentSchedule> found = new ArrayList<>();
        for (String user : userIds) {
            List<Activity> activities = schedules.get(user);
            if (activities != null) {
                found.add(new AgentSchedule(user, activities.stream()
                        .filter(a -> a.end().isAfter(from) && a.start().isBefore(to)).toList()));
            }
        }
        return found;
    }

    @Override
    public Map<String, AgentState> agentStates(Collection<String> userIds) {
        count("agentStates");
        Map<String, AgentState> found = new LinkedHashMap<>();
        for (String user : userIds) {
            if (states.get(user) != null) {
                found.put(user, states.get(user));
            }
        }
        onStateRead.accept(userIds); // after the read, so the caller holds a snapshot another tick may overtake
        return found;
    }

    @Override
    public List<PresenceWriteOutcome> setPresences(List<PresenceChange> changes) {
        count("setPresences");
        List<PresenceWriteOutcome> outcomes = new ArrayList<>();
        for (PresenceChange change : changes) {
            if (failingWrites.contains(change.userId())) {
                outcomes.add(PresenceWriteOutcome.failed(change.userId(), "400 bad request"));
                continue;
            }
            if (uncertainWrites.contains(change.userId())) {
                outcomes.add(PresenceWriteOutcome.uncertain(change.userId(), "503 after 6 attempts"));
                if (!applyUncertain) {
                    continue;
                }
                writes.add(change);
                states.put(change.userId(), new AgentState(change.userId(), change.target().id(), change.target().systemPresence(), RoutingStatus.OFF_QUEUE));
                continue;
            }
            writes.add(change);
            PresenceDefinition target = change.target();
            states.put(change.userId(), new AgentState(change.userId(), target.id(), target.systemPresence(),
                    target.systemPresence() == SystemPresence.ON_QUEUE ? RoutingStatus.IDLE : RoutingStatus.OFF_QUEUE));
            outcomes.add(PresenceWriteOutcome.applied(change.userId()));
        }
        return outcomes;
    }

    @Override
    public Optional<Duration> clockOffset() {
        return Optional.ofNullable(genesysClockOffset);
    }

    @Override
    public ApiUsage usage() {
        return new ApiUsage(calls.values().stream().mapToLong(Integer::longValue).sum(), 0, 0);
    }
}
