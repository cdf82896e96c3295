package dev.prebreak.core.tick;

import dev.prebreak.core.audit.AuditLog;
import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.ConfigProblem;
import dev.prebreak.core.config.InvalidConfigException;
import dev.prebreak.core.config.RuleSettings;
import dev.prebreak.core.gateway.ApiUsage;
import dev.prebreak.core.gateway.BusinessUnit;
import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.core.gateway.GenesysGateway;
import dev.prebreak.core.gateway.ManagementUnit;
import dev.prebreak.core.gateway.PresenceChange;
import dev.prebreak.core.gateway.PresenceWriteOutcome;
import dev.prebreak.core.plan.Action;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.plan.Candidates;
import dev.prebreak.core.plan.ClaimSettlement;
import dev.prebreak.core.plan.Plan;
import dev.prebreak.core.plan.Planner;
import dev.prebreak.core.plan.RecordChange;
import dev.prebreak.core.plan.Skip;
import dev.prebreak.core.plan.SkipReason;
import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.presence.PresenceCatalog;
import dev.prebreak.core.rule.Rule;
import dev.prebreak.core.schedule.Activity;
import dev.prebreak.core.schedule.ActivityCodes;
import dev.prebreak.core.schedule.AgentSchedule;
import dev.prebreak.core.state.ActivityKey;
import dev.prebreak.core.state.ActivityRecord;
import dev.prebreak.core.state.RecordStatus;
import dev.prebreak.core.state.StateStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One tick: read what the planner needs (schedules for the window, presence only for candidates),
 * plan, apply, record. The same engine runs the CLI, the daemon and the Lambda.
 *
 * <p>Safety: a business unit whose schedules or presences cannot be read changes nothing; each
 * change is claimed in the state store before it is written, so two overlapping ticks never both
 * act on one activity; a failed write releases its claim and is tried again next tick while due.
 */
public final class Engine {
    private static final Logger LOG = System.getLogger(Engine.class.getName());

    private final Config config;
    private final GenesysGateway gateway;
    private final StateStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Tuning tuning;
    private final ParallelReads reads;

    private Instant presencesReadAt;
    private Instant scopeReadAt;
    private PresenceCatalog presences;
    private List<Rule> rules;
    private List<Unit> units = List.of();
    private final Map<String, UnitView> views = new LinkedHashMap<>();
    private volatile List<UpcomingAction> upcoming = List.of();
    /** Claims this engine left after uncertain writes: its own tick is over, so the next one settles them. */
    private final Set<ActivityKey> uncertainClaims = new HashSet<>();

    /** A business unit in scope: whole, or only some of its management units. */
    private record Unit(String businessUnitId, Optional<Set<String>> managementUnits) {
    }

    /** What is cached of one unit between ticks. */
    private static final class UnitView {
        BusinessUnit businessUnit;
        ActivityCodes codes;
        Instant codesReadAt;
        Set<String> members = Set.of();
        Instant membersReadAt;
        final ScheduleCache schedules = new ScheduleCache();
    }

    public Engine(Config config, GenesysGateway gateway, StateStore store, AuditLog audit, Clock clock, Tuning tuning) {
        this.config = Objects.requireNonNull(config, "config");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.reads = new ParallelReads(tuning.readParallelism());
    }

    public Engine(Config config, GenesysGateway gateway, StateStore store, AuditLog audit, Clock clock) {
        this(config, gateway, store, audit, clock, Tuning.DEFAULTS);
    }

    /** A tick now, given one tick length to finish. */
    public TickReport tick() {
        Instant now = clock.instant();
        return tick(now, now.plus(config.tick()));
    }

    /**
     * A tick as of {@code now} that gives up calling Genesys at {@code deadline}.
     *
     * @throws InvalidConfigException when a rule's presence does not exist in the org
     * @throws GatewayException when the org-wide reference data (presences, scope) cannot be read
     */
    public synchronized TickReport tick(Instant now, Instant deadline) {
        return run(now, deadline, config.dryRun());
    }

    /** What a tick at {@code at} would do, changing nothing (not even the state store). */
    public synchronized TickReport plan(Instant at) {
        return run(at, clock.instant().plus(config.tick()), true);
    }

    /** Pre-breaks expected within 30 minutes of the last tick, from the cached schedules (for /status). */
    public List<UpcomingAction> upcoming() {
        return upcoming;
    }

    private TickReport run(Instant now, Instant deadline, boolean dryRun) {
        long started = System.nanoTime();
        GenesysGateway g = gateway.within(deadline);
        ApiUsage before = gateway.usage();
        refreshOrg(g, now);
        List<UnitReport> reports = new ArrayList<>();
        List<UpcomingAction> next = new ArrayList<>();
        int capLeft = config.maxChangesPerTick();
        for (Unit unit : units) {
            UnitReport report;
            try {
                report = tickUnit(g, unit, now, dryRun, capLeft, next);
            } catch (GatewayException e) {
                // DEBUG: the report carries the failure, and every front end prints or throws it once.
                LOG.log(Level.DEBUG, "tick of business unit {0} failed: {1}", unit.businessUnitId(), e.getMessage());
                report = UnitReport.failed(unit.businessUnitId(), nameOf(unit), zoneOf(unit), e.getMessage());
            }
            capLeft -= (int) report.results().stream().filter(r -> r.outcome() != Outcome.TAKEN_BY_ANOTHER_TICK).count();
            reports.add(report);
        }
        next.sort(Comparator.comparing(UpcomingAction::triggerAt));
        upcoming = List.copyOf(next);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new TickReport(now, took, dryRun, reports, gateway.usage().minus(before));
    }

    private String nameOf(Unit unit) {
        UnitView view = views.get(unit.businessUnitId());
        return view == null || view.businessUnit == null ? "" : view.businessUnit.name();
    }

    private java.time.ZoneId zoneOf(Unit unit) {
        UnitView view = views.get(unit.businessUnitId());
        return view == null || view.businessUnit == null ? java.time.ZoneOffset.UTC : view.businessUnit.timeZone();
    }

    // --- reference data: presences, rules, scope, codes, members ---------------------------------

    /** Presences, rules and scope: org-wide, so a failure here fails the whole tick. */
    private void refreshOrg(GenesysGateway g, Instant now) {
        if (presences == null || isDue(presencesReadAt, tuning.referenceRefresh(), now)) {
            PresenceCatalog catalog = PresenceCatalog.of(g.presenceDefinitions());
            List<ConfigProblem> problems = new ArrayList<>();
            List<Rule> resolved = new ArrayList<>();
            for (int i = 0; i < config.rules().size(); i++) {
                try {
                    resolved.add(config.rules().get(i).resolve(catalog, i));
                } catch (InvalidConfigException e) {
                    problems.addAll(e.problems());
                }
            }
            if (catalog.onQueue().isEmpty()) {
                problems.add(new ConfigProblem("genesys", "the org answered no active On Queue system presence; cannot revert agents"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidConfigException(problems);
            }
            presences = catalog;
            rules = List.copyOf(resolved);
            presencesReadAt = now;
        }
        if (units.isEmpty() || isDue(scopeReadAt, tuning.membershipRefresh(), now)) {
            units = resolveScope(g);
            views.keySet().retainAll(units.stream().map(Unit::businessUnitId).collect(Collectors.toSet()));
            scopeReadAt = now;
        }
    }

    /** One unit's time zone, codes and members: a failure here fails only this unit. */
    private UnitView refreshUnit(GenesysGateway g, Unit unit, Instant now) {
        UnitView view = views.computeIfAbsent(unit.businessUnitId(), id -> new UnitView());
        if (view.codes == null || isDue(view.codesReadAt, tuning.referenceRefresh(), now)) {
            view.businessUnit = g.businessUnit(unit.businessUnitId());
            view.codes = ActivityCodes.of(g.activityCodes(unit.businessUnitId()));
            view.codesReadAt = now;
        }
        if (isDue(view.membersReadAt, tuning.membershipRefresh(), now)) {
            List<String> mus = unit.managementUnits().isPresent() ? List.copyOf(unit.managementUnits().get())
                    : g.managementUnits(unit.businessUnitId()).stream().map(ManagementUnit::id).collect(Collectors.toList());
            Map<String, List<String>> byUnit = new java.util.concurrent.ConcurrentHashMap<>();
            reads.forEach(mus, mu -> byUnit.put(mu, g.managementUnitUsers(mu)));
            Set<String> members = new LinkedHashSet<>();
            mus.forEach(mu -> members.addAll(byUnit.get(mu)));
            view.members = Set.copyOf(members);
            view.schedules.retain(view.members);
            view.membersReadAt = now;
        }
        return view;
    }

    /** Whether data read at {@code readAt} should be read again; a plan for an earlier time reads it again too. */
    private static boolean isDue(Instant readAt, Duration every, Instant now) {
        return readAt == null || !now.isBefore(readAt.plus(every)) || now.isBefore(readAt);
    }

    private List<Unit> resolveScope(GenesysGateway g) {
        Map<String, Optional<Set<String>>> byUnit = new LinkedHashMap<>();
        for (String bu : config.scope().businessUnits()) {
            byUnit.put(bu, Optional.empty());
        }
        for (String muId : config.scope().managementUnits()) {
            ManagementUnit mu = g.managementUnit(muId);
            Optional<Set<String>> current = byUnit.get(mu.businessUnitId());
            if (current == null) {
                byUnit.put(mu.businessUnitId(), Optional.of(new LinkedHashSet<>(Set.of(muId))));
            } else if (current.isPresent()) {
                current.get().add(muId);
            } // else the whole business unit is in scope already
        }
        List<Unit> result = new ArrayList<>();
        byUnit.forEach((bu, mus) -> result.add(new Unit(bu, mus.map(Set::copyOf))));
        return result;
    }

    // --- one business unit ----------------------------------------------------------------------

    private UnitReport tickUnit(GenesysGateway g, Unit unit, Instant now, boolean dryRun, int capLeft,
                                List<UpcomingAction> next) {
        Optional<String> skew = clockSkew();
        if (skew.isPresent() && !dryRun) {
            LOG.log(Level.ERROR, "business unit {0}: {1}", unit.businessUnitId(), skew.get());
            return UnitReport.failed(unit.businessUnitId(), nameOf(unit), zoneOf(unit), skew.get());
        }
        UnitView view = refreshUnit(g, unit, now);
        String bu = unit.businessUnitId();
        Duration longestLead = rules.stream().map(Rule::lead).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        Instant neededUntil = now.plus(longestLead).plus(config.tick());
        Instant from = now.minus(tuning.lookBehind());
        Instant to = now.plus(longestLead).plus(tuning.scheduleRefresh()).plus(tuning.lookAheadMargin());

        List<ActivityRecord> stored = store.records(bu, now);
        Set<String> owed = stored.stream().filter(r -> r.status().isOpen()).map(r -> r.key().userId()).collect(Collectors.toSet());
        Set<String> users = new LinkedHashSet<>(view.members);
        users.addAll(owed); // agents who left the unit may still be owed a revert
        List<String> stale = view.schedules.stale(users, owed, now, neededUntil);
        int reading = Math.min(stale.size(), tuning.schedulesPerTick());
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < reading; i += tuning.scheduleChunk()) {
            chunks.add(stale.subList(i, Math.min(reading, i + tuning.scheduleChunk())));
        }
        reads.forEach(chunks, chunk -> read(g, view, bu, chunk, now, from, to));
        // Agents sitting in Pre-Break because of prebreak (few at any moment: those within a lead of their
        // break) are read afresh every tick, so that a break moved later or removed is reverted within one
        // tick rather than one schedule refresh. Those never read yet are first in the capped stale list
        // above: a cold start of a large unit still warms over several ticks.
        List<String> inPreBreak = view.schedules.readBefore(stored.stream()
                .filter(r -> r.status().isOpen())
                .map(r -> r.key().userId()).filter(view.schedules::knows).distinct().collect(Collectors.toList()), now);
        List<List<String>> owedChunks = new ArrayList<>();
        for (int i = 0; i < inPreBreak.size(); i += tuning.scheduleChunk()) {
            owedChunks.add(inPreBreak.subList(i, Math.min(inPreBreak.size(), i + tuning.scheduleChunk())));
        }
        reads.forEach(owedChunks, chunk -> read(g, view, bu, chunk, now, from, to));
        if (reading < stale.size()) {
            LOG.log(Level.WARNING, "business unit {0}: read {1} of {2} stale schedules this tick (cap {3}); the rest follow next tick",
                    bu, reading, stale.size(), tuning.schedulesPerTick());
        }
        // Claims of uncertain writes that are no longer in the store (settled elsewhere, expired) are done.
        uncertainClaims.removeIf(key -> key.businessUnitId().equals(bu)
                && stored.stream().noneMatch(r -> r.key().equals(key) && r.status().isClaim()));
        // An agent whose schedule was never read is unknown, not empty: their records wait, or a revert
        // would be owed by mistake.
        List<ActivityRecord> records = stored.stream().filter(r -> view.schedules.knows(r.key().userId())).collect(Collectors.toList());

        Planner planner = new Planner(rules, view.codes, presences.onQueue().orElseThrow(), config.tick(), clockTolerance());
        List<AgentSchedule> known = view.schedules.schedules(users);
        Candidates candidates = planner.candidates(bu, now, known, records, uncertainClaims);
        Map<String, AgentState> states = candidates.usersToRead().isEmpty() ? Map.of() : g.agentStates(candidates.usersToRead());
        Plan plan = planner.decide(candidates, states, Math.max(0, capLeft));

        // Never act on a schedule read before this tick: read the agents about to change again.
        Set<String> acting = plan.actions().stream().map(Action::userId).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> old = view.schedules.readBefore(acting, now);
        if (!old.isEmpty()) {
            read(g, view, bu, old, now, from, to);
            known = view.schedules.schedules(users);
            candidates = planner.candidates(bu, now, known, records, uncertainClaims);
            plan = onlyFor(acting, planner.decide(candidates, states, Math.max(0, capLeft)));
        }

        // Names of the agents about to change came with their presence read, so asking costs nothing now;
        // the others are asked for after the writes, which must not wait for them.
        Set<String> changing = new LinkedHashSet<>(acting);
        plan.settledClaims().forEach(c -> changing.add(c.claim().key().userId()));
        Map<String, String> names = new java.util.HashMap<>(agentNames(g, changing));
        Labels labels = new Labels(names, view.businessUnit.timeZone());
        upcomingOf(bu, now, view.codes, known, names, next); // before the writes, which may throw
        List<ActionResult> results = dryRun ? dryRun(plan, labels) : apply(g, plan, states, now, labels);
        if (!dryRun) {
            keepBooks(plan.recordChanges());
            plan.settledClaims().forEach(s -> settle(s, now, labels));
        }
        Set<String> others = plan.skips().stream().map(Skip::userId).filter(u -> !names.containsKey(u))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        names.putAll(agentNames(g, others));
        if (!plan.unknownActivityCodes().isEmpty()) {
            LOG.log(Level.WARNING, "business unit {0}: schedules use activity codes it does not list: {1}", bu, plan.unknownActivityCodes());
        }
        return new UnitReport(bu, view.businessUnit.name(), known.size(),
                candidates.usersToRead().size(), results, plan.skips(), plan.unknownActivityCodes(), Optional.empty(),
                view.businessUnit.timeZone(), names, activityNames(plan, known, view.codes));
    }

    /**
     * Why this machine's clock cannot be trusted against Genesys' (the Date of its latest answer), if it
     * cannot: every trigger time would be off by as much, so nothing is written until the clocks agree.
     */
    private Optional<String> clockSkew() {
        return gateway.clockOffset().filter(offset -> offset.abs().compareTo(config.maxClockSkew()) > 0)
                .map(offset -> String.format("this machine's clock is %d s %s Genesys' (the Date of its answers), more than"
                                + " maxClockSkew (%d s): no change made until the clocks agree; check NTP",
                        offset.abs().toSeconds(), offset.isNegative() ? "ahead of" : "behind",
                        config.maxClockSkew().toSeconds()));
    }

    /**
     * How far Genesys' clock may be from ours when settling a claim: the measured offset and the Date
     * header's one-second grain, or the configured bound before any answer has shown the offset.
     */
    private Duration clockTolerance() {
        return gateway.clockOffset().map(offset -> offset.abs().plus(Duration.ofSeconds(2))).orElse(config.maxClockSkew());
    }

    /**
     * The plan with changes only for {@code acting}: agents whose schedule was just read again. A slot the
     * re-read freed under the cap waits for the next tick rather than go to an agent read earlier.
     */
    private static Plan onlyFor(Set<String> acting, Plan plan) {
        List<Action> actions = new ArrayList<>();
        List<Skip> skips = new ArrayList<>(plan.skips());
        for (Action a : plan.actions()) {
            if (acting.contains(a.userId())) {
                actions.add(a);
            } else {
                skips.add(new Skip(SkipReason.OVER_CAP, a.kind(), a.key(), "a slot freed by a schedule re-read; next tick"));
            }
        }
        return new Plan(plan.businessUnitId(), plan.now(), actions, skips, plan.recordChanges(), plan.unknownActivityCodes(),
                plan.settledClaims());
    }

    /** Who an audit record is about, for the people who read it: names as far as known, and the unit's zone. */
    private record Labels(Map<String, String> names, java.time.ZoneId zone) {
        String name(String userId) {
            return names.getOrDefault(userId, "");
        }
    }

    /** Names are for people reading reports: one that cannot be read never fails the tick. */
    private static Map<String, String> agentNames(GenesysGateway g, Collection<String> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        try {
            return g.agentNames(users);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "agent names not read: {0}", e.getMessage());
            return Map.of();
        }
    }

    /** What each activity in the plan is, by its code's name and category, as schedulers name it. */
    private static Map<ActivityKey, String> activityNames(Plan plan, List<AgentSchedule> known, ActivityCodes codes) {
        Set<ActivityKey> keys = new LinkedHashSet<>();
        plan.actions().forEach(a -> keys.add(a.key()));
        plan.skips().forEach(sk -> keys.add(sk.key()));
        Set<String> users = keys.stream().map(ActivityKey::userId).collect(Collectors.toSet());
        Map<String, Map<Instant, Activity>> byUser = new java.util.HashMap<>();
        for (AgentSchedule schedule : known) {
            if (users.contains(schedule.userId())) {
                Map<Instant, Activity> starts = byUser.computeIfAbsent(schedule.userId(), u -> new java.util.HashMap<>());
                schedule.activities().forEach(a -> starts.putIfAbsent(a.start(), a));
            }
        }
        Map<ActivityKey, String> names = new LinkedHashMap<>();
        for (ActivityKey key : keys) {
            Activity activity = byUser.getOrDefault(key.userId(), Map.of()).get(key.activityStart());
            if (activity != null) {
                names.put(key, codes.byId(activity.activityCodeId()).map(Engine::describe)
                        .orElse(activity.description().isEmpty() ? "activity code " + activity.activityCodeId() : activity.description()));
            }
        }
        return names;
    }

    private static String describe(dev.prebreak.core.schedule.ActivityCode code) {
        String category = code.category() == null ? "" : code.category().toString();
        if (code.name().isBlank()) {
            return category.isEmpty() ? "activity code " + code.id() : category;
        }
        return category.isEmpty() || code.name().equalsIgnoreCase(category) ? code.name() : code.name() + " (" + category + ")";
    }

    private void read(GenesysGateway g, UnitView view, String bu, List<String> users, Instant now, Instant from, Instant to) {
        if (users.isEmpty()) {
            return;
        }
        List<AgentSchedule> answered = g.schedules(bu, users, from, to);
        view.schedules.put(users, answered, now, tuning.scheduleRefresh(), to);
    }

    /** What is due in the next 30 minutes; names only as far as this tick knew them, so it costs no call. */
    private void upcomingOf(String bu, Instant now, ActivityCodes codes, List<AgentSchedule> known, Map<String, String> names,
                            List<UpcomingAction> next) {
        Instant horizon = now.plus(Duration.ofMinutes(30));
        for (AgentSchedule s : known) {
            for (Activity a : s.activities()) {
                for (Rule rule : rules) {
                    Instant trigger = rule.triggerTime(a);
                    if (trigger.isAfter(now) && trigger.isBefore(horizon)
                            && rule.covers(a, codes.byId(a.activityCodeId()).orElse(null))) {
                        String activity = codes.byId(a.activityCodeId()).map(Engine::describe)
                                .orElse(a.description().isEmpty() ? "activity code " + a.activityCodeId() : a.description());
                        next.add(new UpcomingAction(bu, s.userId(), rule.name(), trigger, a.start(), activity,
                                names.getOrDefault(s.userId(), "")));
                    }
                }
            }
        }
    }

    // --- applying a plan ------------------------------------------------------------------------

    private List<ActionResult> dryRun(Plan plan, Labels labels) {
        List<ActionResult> results = new ArrayList<>();
        for (Action action : plan.actions()) {
            results.add(new ActionResult(action, Outcome.DRY_RUN, Optional.empty()));
            audit(action, null, Outcome.DRY_RUN, "", plan.now(), labels);
        }
        return results;
    }

    private List<ActionResult> apply(GenesysGateway g, Plan plan, Map<String, AgentState> states, Instant now, Labels labels) {
        List<ActionResult> results = new ArrayList<>();
        List<Action> claimed = new ArrayList<>();
        for (Action action : plan.actions()) {
            if (claim(action, now)) {
                claimed.add(action);
            } else {
                results.add(new ActionResult(action, Outcome.TAKEN_BY_ANOTHER_TICK, Optional.empty()));
                audit(action, states.get(action.userId()), Outcome.TAKEN_BY_ANOTHER_TICK, "claimed by an overlapping tick", now, labels);
            }
        }
        if (claimed.isEmpty()) {
            return results;
        }
        // Should this throw, whether the writes happened is unknown: the claims stay, and a later tick
        // settles each from the agent's presence.
        List<PresenceWriteOutcome> outcomes =
                g.setPresences(claimed.stream().map(a -> new PresenceChange(a.userId(), a.target())).collect(Collectors.toList()));
        Map<String, PresenceWriteOutcome> byUser = new LinkedHashMap<>();
        outcomes.forEach(o -> byUser.put(o.userId(), o));
        for (Action action : claimed) {
            PresenceWriteOutcome outcome = byUser.getOrDefault(action.userId(),
                    PresenceWriteOutcome.failed(action.userId(), "no outcome reported for this agent"));
            // The audit record goes first: should the process die before the claim is settled, the
            // record exists, and a later settlement only adds a second.
            if (outcome.applied()) {
                audit(action, states.get(action.userId()), Outcome.APPLIED, "", now, labels);
                settle(action, now);
                results.add(new ActionResult(action, Outcome.APPLIED, Optional.empty()));
            } else if (outcome.uncertain()) {
                audit(action, states.get(action.userId()), Outcome.UNCERTAIN, outcome.error().orElse(""), now, labels);
                uncertainClaims.add(action.key()); // the next tick reads the agent's presence and settles it
                results.add(new ActionResult(action, Outcome.UNCERTAIN, outcome.error()));
            } else {
                audit(action, states.get(action.userId()), Outcome.FAILED, outcome.error().orElse(""), now, labels);
                release(action, now); // certainly not applied: tried again next tick while still due
                results.add(new ActionResult(action, Outcome.FAILED, outcome.error()));
            }
        }
        return results;
    }

    /** Marks the activity as being acted on; false when an overlapping tick got there first. */
    private boolean claim(Action action, Instant now) {
        if (action.kind() == ActionKind.PRE_BREAK) {
            Activity activity = action.activity().orElseThrow();
            return store.insert(claimOf(action, now));
        }
        return store.replace(action.record().orElseThrow(), claimOf(action, now));
    }

    /** The claim record a tick writes for {@code action} at {@code now}: the same every time it is rebuilt. */
    private static ActivityRecord claimOf(Action action, Instant now) {
        return action.kind() == ActionKind.PRE_BREAK
                ? new ActivityRecord(action.key(), RecordStatus.CLAIMED, action.target().id(), action.activity().orElseThrow().end(), now)
                : action.record().orElseThrow().withStatus(claimStatus(action.kind()), now);
    }

    private static RecordStatus claimStatus(ActionKind kind) {
        switch (kind) {
            case PRE_BREAK: return RecordStatus.CLAIMED;
            case AT_START: return RecordStatus.CLAIMED_AT_START;
            default: return RecordStatus.CLAIMED_REVERT;
        }
    }

    private void settle(Action action, Instant now) {
        ActivityRecord claimed = claimOf(action, now);
        RecordStatus done = action.kind() == ActionKind.PRE_BREAK ? RecordStatus.IN_PRE_BREAK
                : action.kind() == ActionKind.AT_START ? RecordStatus.AT_START : RecordStatus.REVERTED;
        if (!store.replace(claimed, claimed.withStatus(done, now))) {
            LOG.log(Level.WARNING, "the claim on {0} changed while its write was under way; its record was left as it is", action.key());
        }
    }

    /** Undoes a claim after a failed write, so the next tick tries again. */
    private void release(Action action, Instant now) {
        if (action.kind() == ActionKind.PRE_BREAK) {
            store.remove(claimOf(action, now));
        } else {
            store.replace(claimOf(action, now), action.record().orElseThrow().withStatus(RecordStatus.IN_PRE_BREAK, now));
        }
    }

    private void settle(ClaimSettlement settlement, Instant now, Labels labels) {
        ActivityRecord claim = settlement.claim();
        Outcome outcome;
        String detail;
        switch (settlement.verdict()) {
            case LANDED:
                outcome = Outcome.APPLIED;
                detail = "confirmed from the agent's presence after an uncertain write";
                break;
            case MAY_HAVE_LANDED:
                outcome = Outcome.UNCONFIRMED;
                detail = "may have landed: the agent's presence changed after the claim, so the write is not repeated";
                break;
            default:
                outcome = Outcome.FAILED;
                detail = "did not land: the agent's presence has not changed since the claim"
                        + (settlement.next().isEmpty() || settlement.next().get().status().isOpen() ? "; due again" : "");
        }
        // Audited before the record changes, so that no landed write is left without a record.
        writeAudit(new AuditRecord(now, claim.key().businessUnitId(), claim.key().userId(), settlement.kind(),
                claim.key().ruleName(), claim.key().activityStart(), null, settlement.presenceId(), outcome, detail,
                labels.name(claim.key().userId()), labels.zone()));
        boolean done = settlement.next().isPresent()
                ? store.replace(claim, settlement.next().get())
                : store.remove(claim);
        uncertainClaims.remove(claim.key());
        if (!done) {
            LOG.log(Level.DEBUG, "claim {0} was settled by another tick meanwhile", claim.key());
        }
    }

    private void keepBooks(List<RecordChange> changes) {
        for (RecordChange change : changes) {
            boolean done = change.current().isPresent()
                    ? store.replace(change.current().get(), change.next())
                    : store.insert(change.next());
            if (!done) {
                LOG.log(Level.DEBUG, "record {0} changed meanwhile; left as it is", change.next().key());
            }
        }
    }

    private void audit(Action action, AgentState state, Outcome outcome, String detail, Instant at, Labels labels) {
        writeAudit(new AuditRecord(at, action.key().businessUnitId(), action.userId(), action.kind(),
                action.key().ruleName(), action.key().activityStart(), state == null ? null : state.presenceId(),
                action.target().id(), outcome, detail, labels.name(action.userId()), labels.zone()));
    }

    private void writeAudit(AuditRecord record) {
        try {
            audit.record(record);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "could not write an audit record for " + record.userId() + " at " + record.activityStart(), e);
        }
    }

}
