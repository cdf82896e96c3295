package dev.prebreak.cli.doctor;

import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.RuleSettings;
import dev.prebreak.core.gateway.BusinessUnit;
import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.core.gateway.ManagementUnit;
import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.core.presence.SystemPresence;
import dev.prebreak.core.rule.Rule;
import dev.prebreak.core.schedule.Activity;
import dev.prebreak.core.schedule.ActivityCategory;
import dev.prebreak.core.schedule.ActivityCode;
import dev.prebreak.core.schedule.AgentSchedule;
import dev.prebreak.genesys.GenesysClient;
import dev.prebreak.genesys.Permission;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The business and management units in scope, as a tick reads them: each exists, its time zone, its
 * agents; a published schedule covering today; which activity codes each rule matches and which none.
 */
final class UnitChecks {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    /** A unit found, with its agents, for the checks that need one to search. */
    record Unit(BusinessUnit businessUnit, List<String> agents, Instant dayStart, Instant dayEnd) {
    }

    private final Config config;
    private final GenesysClient client;
    private final Instant now;
    private final List<Check> checks = new ArrayList<>();
    private final List<Unit> units = new ArrayList<>();
    private GatewayException scheduleRefusal;
    private String scheduleProof;

    UnitChecks(Config config, GenesysClient client, Instant now) {
        this.config = config;
        this.client = client;
        this.now = now;
    }

    List<Check> check() {
        Map<String, Optional<Set<String>>> scope = new LinkedHashMap<>();
        config.scope().businessUnits().forEach(bu -> scope.put(bu, Optional.empty()));
        for (String muId : config.scope().managementUnits()) {
            String subject = "management unit " + muId;
            try {
                ManagementUnit mu = client.managementUnit(muId);
                scope.computeIfAbsent(mu.businessUnitId(), bu -> Optional.of(new LinkedHashSet<>()))
                        .ifPresent(mus -> mus.add(muId));
            } catch (GatewayException e) {
                checks.add(refused(subject, e, "scope.managementUnits"));
            }
        }
        scope.forEach(this::checkBusinessUnit);
        return checks;
    }

    /** Units read whole, with their agents and today's bounds. */
    List<Unit> units() {
        return units;
    }

    /** Why a WFM read was refused for want of a permission, if one was. */
    Optional<GatewayException> scheduleRefusal() {
        return Optional.ofNullable(scheduleRefusal);
    }

    /** The call that proved the schedule permission, if one did. */
    Optional<String> scheduleProof() {
        return Optional.ofNullable(scheduleProof);
    }

    private void checkBusinessUnit(String buId, Optional<Set<String>> onlyMus) {
        String subject = "business unit " + buId;
        BusinessUnit bu;
        List<String> agents = new ArrayList<>();
        int muCount;
        try {
            bu = client.businessUnit(buId);
            subject = "business unit " + bu.name() + " (" + buId + ")";
            List<String> mus = onlyMus.isPresent() ? List.copyOf(onlyMus.get())
                    : client.managementUnits(buId).stream().map(ManagementUnit::id).toList();
            muCount = mus.size();
            Set<String> members = new LinkedHashSet<>();
            for (String mu : mus) {
                members.addAll(client.managementUnitUsers(mu));
            }
            agents.addAll(members);
        } catch (GatewayException e) {
            checks.add(refused(subject, e, "scope.businessUnits"));
            return;
        }
        String found = "time zone " + bu.timeZone().getId() + ", " + muCount + " management unit" + (muCount == 1 ? "" : "s")
                + (onlyMus.isPresent() ? " in scope" : "") + ", " + agents.size() + " agent" + (agents.size() == 1 ? "" : "s");
        if (agents.isEmpty()) {
            checks.add(Check.problem(subject, found, "add agents to its management units in WFM, or put another unit in scope"));
            return;
        }
        checks.add(Check.ok(subject, found));
        LocalDate today = now.atZone(bu.timeZone()).toLocalDate();
        ZonedDateTime start = today.atStartOfDay(bu.timeZone());
        Unit unit = new Unit(bu, List.copyOf(agents), start.toInstant(), start.plusDays(1).toInstant());
        units.add(unit);
        checkToday(subject, unit, today);
        checkCodes(bu);
    }

    private void checkToday(String unitSubject, Unit unit, LocalDate today) {
        String subject = "schedule today in " + unit.businessUnit().name();
        String day = DAY.format(today) + " (" + unit.businessUnit().timeZone().getId() + ")";
        List<AgentSchedule> schedules;
        try {
            schedules = client.schedules(unit.businessUnit().id(), unit.agents(), unit.dayStart(), unit.dayEnd());
        } catch (GatewayException e) {
            if (Refusal.missingPermission(e)) {
                scheduleRefusal = e;
            }
            checks.add(Refusal.of(subject, e, Permission.PUBLISHED_SCHEDULES, "run prebreak plan --verbose to see the calls"));
            return;
        }
        scheduleProof = "POST /api/v2/workforcemanagement/businessunits/{id}/agentschedules/search answered for " + unitSubject;
        long covered = schedules.stream().filter(s -> !s.activities().isEmpty()).count();
        if (covered == 0) {
            checks.add(Check.problem(subject, "no published schedule covers " + day + " for any of its "
                            + unit.agents().size() + " agents: prebreak has nothing to act on",
                    "publish this week's schedule for the unit (Workforce Management > Schedules), then run doctor again"));
            return;
        }
        checks.add(Check.ok(subject, "a published schedule covers " + day + " for " + covered + " of "
                + unit.agents().size() + " agents"));
    }

    private void checkCodes(BusinessUnit bu) {
        List<ActivityCode> codes;
        String subject = "activity codes of " + bu.name();
        try {
            codes = client.activityCodes(bu.id());
        } catch (GatewayException e) {
            checks.add(Refusal.of(subject, e, Permission.PUBLISHED_SCHEDULES, "run prebreak plan --verbose to see the calls"));
            return;
        }
        Set<ActivityCode> matchedByAny = new LinkedHashSet<>();
        for (int i = 0; i < config.rules().size(); i++) {
            RuleSettings settings = config.rules().get(i);
            Rule rule = matcher(settings);
            List<ActivityCode> matched = codes.stream()
                    .filter(code -> rule.covers(new Activity(code.id(), now, Duration.ZERO), code)).toList();
            matchedByAny.addAll(matched);
            String ruleSubject = "rule " + settings.name() + " in " + bu.name();
            if (matched.isEmpty()) {
                checks.add(Check.problem(ruleSubject, "matches no active activity code of the unit",
                        "check rules[" + i + "].categories and rules[" + i + "].activityCodes against the unit's codes: "
                                + describe(codes.stream().filter(ActivityCode::active).toList())));
            } else {
                checks.add(Check.ok(ruleSubject, "matches " + describe(matched)));
            }
        }
        List<ActivityCode> unmatched = codes.stream().filter(c -> c.active() && !matchedByAny.contains(c)
                && c.category() != ActivityCategory.ON_QUEUE_WORK).toList();
        if (!unmatched.isEmpty()) {
            // Information, not a warning: most units have codes nobody wants a pre-break for.
            checks.add(Check.ok("activity codes of " + bu.name() + " no rule matches",
                    describe(unmatched) + " (prebreak leaves these alone)"));
        }
    }

    /** The rule as a tick would match codes with it; the presence plays no part in matching. */
    private static Rule matcher(RuleSettings s) {
        PresenceDefinition any = new PresenceDefinition("-", "", SystemPresence.BREAK, false, false);
        return new Rule(s.name(), s.categories(), s.activityCodes(), s.lead(), any, s.eligibleRoutingStatuses(),
                Optional.empty(), s.revertWhenCancelled(), s.minimumActivityLength());
    }

    private static String describe(List<ActivityCode> codes) {
        return codes.stream().map(c -> (c.name().isBlank() ? c.id() : c.name())
                + " (" + (c.category() == null ? "category unknown" : c.category()) + ")").collect(Collectors.joining(", "));
    }

    private Check refused(String subject, GatewayException e, String key) {
        if (Refusal.missingPermission(e)) {
            scheduleRefusal = e;
            return Refusal.of(subject, e, Permission.PUBLISHED_SCHEDULES, "");
        }
        if (Refusal.notFound(e)) {
            return Check.problem(subject, "not found: " + e.getMessage(), "check the id in " + key + " (Workforce"
                    + " Management > Business Units shows the ids), and that the OAuth client's role covers its division");
        }
        return Check.problem(subject, e.getMessage(), "run prebreak plan --verbose to see the calls");
    }
}
