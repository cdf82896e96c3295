package dev.prebreak.cli.serve;

import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.gateway.ApiUsage;
import dev.prebreak.core.gateway.BusinessUnit;
import dev.prebreak.core.gateway.GenesysGateway;
import dev.prebreak.core.gateway.ManagementUnit;
import dev.prebreak.core.gateway.PresenceChange;
import dev.prebreak.core.gateway.PresenceWriteOutcome;
import dev.prebreak.core.plan.Action;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.plan.Skip;
import dev.prebreak.core.plan.SkipReason;
import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.core.presence.SystemPresence;
import dev.prebreak.core.schedule.ActivityCode;
import dev.prebreak.core.schedule.AgentSchedule;
import dev.prebreak.core.state.ActivityKey;
import dev.prebreak.core.tick.ActionResult;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.core.tick.UnitReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Tick reports made by hand, and a gateway that only counts, for tests of what the status server shows. */
final class Reports {
    static final String UNIT = "5705b877-0b3d-4dd5-9e54-d738297f77ae";
    static final PresenceDefinition PRE_BREAK = new PresenceDefinition("5c0e7a3b-91d4-4f2a-b6e8-3a7d9c1f0e52", "Pre-Break",
            SystemPresence.BREAK, false, false);

    private Reports() {
    }

    static ActivityKey key(String userId, Instant start, String rule) {
        return new ActivityKey(UNIT, userId, start, rule);
    }

    static ActionResult result(ActionKind kind, ActivityKey key, Outcome outcome) {
        return new ActionResult(new Action(kind, key, Optional.empty(), PRE_BREAK, Optional.empty()), outcome, Optional.empty());
    }

    static TickReport tick(Instant at, List<ActionResult> results, List<Skip> skips, Map<String, String> names,
                           Map<ActivityKey, String> activities, ApiUsage api) {
        UnitReport unit = new UnitReport(UNIT, "Contact Center 1 New York", 200, results.size() + skips.size(), results, skips,
                Set.of(), Optional.empty(), ZoneId.of("America/New_York"), names, activities);
        return new TickReport(at, Duration.ofMillis(420), false, List.of(unit), api);
    }

    static Skip skip(SkipReason reason, ActivityKey key, String detail) {
        return new Skip(reason, ActionKind.PRE_BREAK, key, detail);
    }

    /** A gateway that reads nothing and reports {@code usage} as its traffic. */
    static GenesysGateway counting(java.util.function.Supplier<ApiUsage> usage) {
        return new GenesysGateway() {
            @Override
            public BusinessUnit businessUnit(String businessUnitId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ManagementUnit managementUnit(String managementUnitId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<ManagementUnit> managementUnits(String businessUnitId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> managementUnitUsers(String managementUnitId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<ActivityCode> activityCodes(String businessUnitId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<PresenceDefinition> presenceDefinitions() {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<AgentSchedule> schedules(String businessUnitId, Collection<String> userIds, Instant from, Instant to) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Map<String, AgentState> agentStates(Collection<String> userIds) {
                return Map.of();
            }

            @Override
            public List<PresenceWriteOutcome> setPresences(List<PresenceChange> changes) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ApiUsage usage() {
                return usage.get();
            }
        };
    }
}
