package dev.prebreak.core.plan;

import dev.prebreak.core.plan.ClaimSettlement.Verdict;
import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.core.presence.SystemPresence;
import dev.prebreak.core.rule.AdaptiveLead;
import dev.prebreak.core.rule.Rule;
import dev.prebreak.core.schedule.Activity;
import dev.prebreak.core.schedule.ActivityCode;
import dev.prebreak.core.schedule.ActivityCodes;
import dev.prebreak.core.schedule.AgentSchedule;
import dev.prebreak.core.state.ActivityKey;
import dev.prebreak.core.state.ActivityRecord;
import dev.prebreak.core.state.RecordStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides who gets which presence when. Pure: the same inputs give the same plan, and nothing here
 * reads a clock or does I/O.
 *
 * <p>Planning has two halves so that a tick reads presence only for agents with something due:
 * {@link #candidates} needs only schedules and the state store; {@link #decide} then needs the
 * presence of those candidates alone.
 */
public final class Planner {
    private static final Comparator<Intent> INTENT_ORDER = Comparator
            .comparingInt((Intent i) -> priority(i.kind()))
            .thenComparing(i -> i.key().activityStart())
            .thenComparing(i -> i.key().ruleName());
    private static final Comparator<Action> ACTION_ORDER = Comparator
            .comparingInt((Action a) -> priority(a.kind()))
            .thenComparing(a -> a.key().activityStart())
            .thenComparing(Action::key);

    private final List<Rule> rules;
    private final Map<String, Rule> rulesByName;
    private final ActivityCodes codes;
    private final PresenceDefinition onQueue;
    private final Duration tick;
    private final Duration clockTolerance;

    /**
     * How far apart prebreak's clock and Genesys' may be when nothing better is known: the default
     * bound beyond which prebreak refuses to write at all.
     */
    public static final Duration DEFAULT_CLOCK_TOLERANCE = Duration.ofSeconds(30);

    /**
     * @param onQueue the system On Queue presence, where reverts send agents
     * @param tick the tick length, used to tell an activity that started since the last tick
     * @param clockTolerance how far Genesys' clock may be from ours: a presence change stamped within it
     *        of a claim may have come after the claim, so it counts as touching the agent's presence
     */
    public Planner(List<Rule> rules, ActivityCodes codes, PresenceDefinition onQueue, Duration tick, Duration clockTolerance) {
        this.rules = List.copyOf(rules);
        this.rulesByName = new LinkedHashMap<>();
        this.rules.forEach(r -> rulesByName.put(r.name(), r));
        this.codes = Objects.requireNonNull(codes, "codes");
        this.onQueue = Objects.requireNonNull(onQueue, "onQueue");
        this.tick = Objects.requireNonNull(tick, "tick");
        this.clockTolerance = Objects.requireNonNull(clockTolerance, "clockTolerance");
    }

    public Planner(List<Rule> rules, ActivityCodes codes, PresenceDefinition onQueue, Duration tick) {
        this(rules, codes, onQueue, tick, DEFAULT_CLOCK_TOLERANCE);
    }

    /** Both halves at once, for callers that already hold every agent's state. */
    public Plan plan(String businessUnitId, Instant now, Collection<AgentSchedule> schedules,
                     Collection<ActivityRecord> records, Map<String, AgentState> states, int maxChanges) {
        return decide(candidates(businessUnitId, now, schedules, records), states, maxChanges);
    }

    /**
     * The first half: from schedules and what the state store remembers, which agents have something
     * due, and everything that can be decided without their presence.
     *
     * @param records the business unit's records whose activity has not ended
     */
    public Candidates candidates(String businessUnitId, Instant now, Collection<AgentSchedule> schedules,
                                 Collection<ActivityRecord> records) {
        return candidates(businessUnitId, now, schedules, records, Set.of());
    }

    /**
     * The same, with claims to settle at once whatever their age: claims the caller made itself in a
     * tick that has finished, whose writes ended uncertain.
     */
    public Candidates candidates(String businessUnitId, Instant now, Collection<AgentSchedule> schedules,
                                 Collection<ActivityRecord> records, Set<ActivityKey> settleNow) {
        Map<String, List<Activity>> activitiesByUser = new TreeMap<>();
        for (AgentSchedule schedule : schedules) {
            activitiesByUser.computeIfAbsent(schedule.userId(), u -> new ArrayList<>()).addAll(schedule.activities());
        }
        Map<ActivityKey, ActivityRecord> recordsByKey = new HashMap<>();
        Map<String, List<ActivityRecord>> openByUser = new TreeMap<>();
        List<ActivityRecord> staleClaims = new ArrayList<>();
        Instant claimsGoStale = now.minus(tick.multipliedBy(2)); // a tick gives up within one tick
        for (ActivityRecord record : records) {
            recordsByKey.put(record.key(), record);
            if (record.status().isOpen()) {
                openByUser.computeIfAbsent(record.key().userId(), u -> new ArrayList<>()).add(record);
            } else if (record.status().isClaim()
                    && (record.updatedAt().isBefore(claimsGoStale) || settleNow.contains(record.key()))) {
                staleClaims.add(record);
            }
        }
        Set<String> users = new TreeSet<>(activitiesByUser.keySet());
        users.addAll(openByUser.keySet());

        Map<String, List<Intent>> intents = new LinkedHashMap<>();
        List<Skip> skips = new ArrayList<>();
        List<RecordChange> changes = new ArrayList<>();
        Set<String> unknownCodes = new TreeSet<>();
        for (String user : users) {
            UserPass pass = new UserPass(businessUnitId, user, now, recordsByKey, skips, changes, unknownCodes);
            pass.scan(activitiesByUser.getOrDefault(user, List.of()));
            pass.settle(openByUser.getOrDefault(user, List.of()));
            if (!pass.intents.isEmpty()) {
                intents.put(user, pass.intents);
            }
        }
        return new Candidates(businessUnitId, now, intents, skips, changes, unknownCodes, staleClaims);
    }

    /** One agent's share of {@link #candidates}. */
    private final class UserPass {
        private final String businessUnitId;
        private final String user;
        private final Instant now;
        private final Map<ActivityKey, ActivityRecord> recordsByKey;
        private final List<Skip> skips;
        private final List<RecordChange> changes;
        private final Set<String> unknownCodes;
        private final Set<ActivityKey> scheduledKeys = new HashSet<>();
        /** Activities of this agent, without a record, that are due or under way: where a moved record may follow. */
        private final List<Intent> unhandled = new ArrayList<>();
        private final List<Intent> intents = new ArrayList<>();

        UserPass(String businessUnitId, String user, Instant now, Map<ActivityKey, ActivityRecord> recordsByKey,
                 List<Skip> skips, List<RecordChange> changes, Set<String> unknownCodes) {
            this.businessUnitId = businessUnitId;
            this.user = user;
            this.now = now;
            this.recordsByKey = recordsByKey;
            this.skips = skips;
            this.changes = changes;
            this.unknownCodes = unknownCodes;
        }

        void scan(List<Activity> activities) {
            for (Activity activity : activities) {
                Optional<ActivityCode> code = codes.byId(activity.activityCodeId());
                if (code.isEmpty() && activity.activityCodeId() != null) {
                    unknownCodes.add(activity.activityCodeId());
                }
                for (Rule rule : rules) {
                    if (rule.covers(activity, code.orElse(null))) {
                        ActivityKey key = new ActivityKey(businessUnitId, user, activity.start(), rule.name());
                        if (scheduledKeys.add(key)) { // duplicates (overlapping shifts) count once
                            consider(key, activity, rule);
                        }
                    }
                }
            }
        }

        private void consider(ActivityKey key, Activity activity, Rule rule) {
            if (now.isBefore(rule.triggerTime(activity))) {
                return; // not yet due
            }
            ActivityRecord record = recordsByKey.get(key);
            if (!now.isBefore(activity.end())) {
                if (record != null && record.status().isOpen()) {
                    changes.add(RecordChange.replace(record, record.withStatus(RecordStatus.CLOSED, now)));
                }
                return;
            }
            boolean started = !now.isBefore(activity.start());
            Intent intent = new Intent(started ? ActionKind.AT_START : ActionKind.PRE_BREAK, key, Optional.of(activity),
                    Optional.of(rule), Optional.ofNullable(record));
            if (record == null) {
                if (!rule.isLongEnough(activity)) {
                    if (!started) {
                        skips.add(new Skip(SkipReason.TOO_SHORT, ActionKind.PRE_BREAK, key,
                                activity.length() + " is shorter than " + rule.minimumActivityLength()));
                    }
                } else if (started) {
                    unhandled.add(intent);
                    if (activity.start().isAfter(now.minus(tick))) {
                        skips.add(new Skip(SkipReason.ACTIVITY_STARTED, ActionKind.PRE_BREAK, key, "started at " + activity.start()));
                    }
                } else {
                    unhandled.add(intent);
                }
            } else if (!started) {
                skips.add(new Skip(SkipReason.ALREADY_HANDLED, ActionKind.PRE_BREAK, key, "record " + record.status()));
            } else if (record.status().isOpen()) {
                if (rule.atStartPresence().isPresent()) {
                    intents.add(intent);
                } else {
                    changes.add(RecordChange.replace(record, record.withStatus(RecordStatus.CLOSED, now)));
                }
            }
        }

        /** Open records whose activity is no longer in the schedule: follow it, revert, or let go. */
        void settle(List<ActivityRecord> open) {
            for (ActivityRecord record : open) {
                if (scheduledKeys.contains(record.key())) {
                    continue;
                }
                if (!now.isBefore(record.activityEnd())) {
                    changes.add(RecordChange.replace(record, record.withStatus(RecordStatus.CLOSED, now)));
                    continue;
                }
                Optional<Intent> moved = unhandled.stream()
                        .filter(i -> takesOver(i, record))
                        .min(Comparator.comparing((Intent i) -> !i.key().ruleName().equals(record.key().ruleName()))
                                .thenComparing(i -> i.kind() != ActionKind.PRE_BREAK)
                                .thenComparing(i -> i.key().activityStart()));
                boolean coveredByAnother = open.stream().anyMatch(o -> o != record
                        && scheduledKeys.contains(o.key()) && Objects.equals(o.presenceId(), record.presenceId()));
                Optional<Rule> rule = Optional.ofNullable(rulesByName.get(record.key().ruleName()));
                if (moved.isPresent()) {
                    // The break moved but is still due (or under way): the agent's pre-break now belongs to it.
                    Intent target = moved.get();
                    unhandled.remove(target);
                    changes.add(RecordChange.replace(record, record.withStatus(RecordStatus.CLOSED, now)));
                    changes.add(RecordChange.insert(new ActivityRecord(target.key(), RecordStatus.IN_PRE_BREAK,
                            record.presenceId(), target.activity().orElseThrow().end(), now)));
                } else if (coveredByAnother) {
                    changes.add(RecordChange.replace(record, record.withStatus(RecordStatus.CLOSED, now)));
                } else if (rule.map(Rule::revertWhenCancelled).orElse(true)) {
                    intents.add(new Intent(ActionKind.REVERT, record.key(), Optional.empty(), rule, Optional.of(record)));
                } else {
                    skips.add(new Skip(SkipReason.REVERT_DISABLED, ActionKind.REVERT, record.key(), "activity moved or removed"));
                    changes.add(RecordChange.replace(record, record.withStatus(RecordStatus.CLOSED, now)));
                }
            }
            for (Intent intent : unhandled) {
                if (intent.kind() == ActionKind.PRE_BREAK) {
                    intents.add(intent);
                }
            }
        }
    }

    /**
     * Whether an activity without a record may take over the record of one that vanished, so the agent
     * stays in Pre-Break instead of going On Queue for a minute and back: one of the same rule (the
     * activity moved), or one not yet started of another rule that sets the same presence (a break
     * turned into a meal). Same rule first, then not yet started, then the earliest.
     */
    private static boolean takesOver(Intent intent, ActivityRecord record) {
        if (intent.key().ruleName().equals(record.key().ruleName())) {
            return true;
        }
        return intent.kind() == ActionKind.PRE_BREAK
                && intent.rule().map(r -> r.presence().id().equals(record.presenceId())).orElse(false);
    }

    /**
     * The second half: with the candidates' presence and routing status, decide each intent, keep one
     * change per agent, and hold back what exceeds {@code maxChanges}.
     *
     * @param states presence of the candidates; an agent missing here is of unknown state and is left alone
     */
    public Plan decide(Candidates candidates, Map<String, AgentState> states, int maxChanges) {
        Instant now = candidates.now();
        List<Skip> skips = new ArrayList<>(candidates.skips());
        List<RecordChange> changes = new ArrayList<>(candidates.recordChanges());
        List<Action> chosen = new ArrayList<>();
        for (Map.Entry<String, List<Intent>> entry : new TreeMap<>(candidates.intents()).entrySet()) {
            AgentState state = states.get(entry.getKey());
            List<Intent> intents = new ArrayList<>(entry.getValue());
            intents.sort(INTENT_ORDER);
            Action first = null;
            for (Intent intent : intents) {
                Decision decision = decideOne(intent, state, now);
                if (decision instanceof Skip) {
                    Skip skip = (Skip) decision;
                    skips.add(skip);
                    if (skip.reason() == SkipReason.AGENT_MOVED_ON) {
                        ActivityRecord record = intent.record().orElseThrow();
                        changes.add(RecordChange.replace(record, record.withStatus(RecordStatus.CLOSED, now)));
                    }
                } else if (first == null) {
                    first = (Action) decision;
                    chosen.add(first);
                } else {
                    skips.add(new Skip(SkipReason.ANOTHER_CHANGE_FIRST, intent.kind(), intent.key(),
                            first.kind() + " for " + first.key().activityStart() + " goes first"));
                    if (intent.kind() == ActionKind.REVERT) {
                        // The agent leaves this pre-break for another reason now: nothing left to revert.
                        ActivityRecord record = intent.record().orElseThrow();
                        changes.add(RecordChange.replace(record, record.withStatus(RecordStatus.CLOSED, now)));
                    }
                }
            }
        }
        List<ClaimSettlement> settled = new ArrayList<>();
        for (ActivityRecord claim : candidates.staleClaims()) {
            AgentState state = states.get(claim.key().userId());
            if (state != null && state.presenceId() != null) {
                settled.add(settle(claim, state, now));
            } // else unknown: settle it on a later tick
        }
        chosen.sort(ACTION_ORDER);
        List<Action> actions = new ArrayList<>();
        for (Action action : chosen) {
            if (actions.size() < maxChanges) {
                actions.add(action);
            } else {
                skips.add(new Skip(SkipReason.OVER_CAP, action.kind(), action.key(), "cap of " + maxChanges + " changes per tick"));
            }
        }
        return new Plan(candidates.businessUnitId(), now, actions, skips, changes, candidates.unknownActivityCodes(), settled);
    }

    /**
     * Whether a claimed write landed, from where the agent is now and when their presence last changed.
     * In the claimed target: it landed. Otherwise, if the presence has not changed since the claim (its
     * {@code modifiedDate} lies before the claim, beyond the clock tolerance), the write certainly did
     * not land, and only then is it owed again. If anything touched the presence since the claim, or
     * when it changed is unknown, the write may have landed and the agent moved on: it is never
     * repeated, and the activity is closed.
     */
    private ClaimSettlement settle(ActivityRecord claim, AgentState state, Instant now) {
        boolean inPreBreak = state.presenceId().equals(claim.presenceId());
        boolean untouched = state.presenceModified()
                .map(modified -> modified.isBefore(claim.updatedAt().minus(clockTolerance))).orElse(false);
        ActivityRecord owed = claim.withStatus(RecordStatus.IN_PRE_BREAK, now);
        ActivityRecord closed = claim.withStatus(RecordStatus.CLOSED, now);
        switch (claim.status()) {
            case CLAIMED: {
                if (inPreBreak) {
                    return new ClaimSettlement(claim, Optional.of(owed), Verdict.LANDED, ActionKind.PRE_BREAK, claim.presenceId());
                }
                if (!untouched) {
                    return new ClaimSettlement(claim, Optional.of(closed), Verdict.MAY_HAVE_LANDED, ActionKind.PRE_BREAK, claim.presenceId());
                }
                Optional<ActivityRecord> next = now.isBefore(claim.key().activityStart()) ? Optional.empty() : Optional.of(closed);
                return new ClaimSettlement(claim, next, Verdict.DID_NOT_LAND, ActionKind.PRE_BREAK, claim.presenceId());
            }
            case CLAIMED_AT_START: {
                String target = Optional.ofNullable(rulesByName.get(claim.key().ruleName()))
                        .flatMap(Rule::atStartPresence).map(PresenceDefinition::id).orElse(null);
                return followUp(claim, state, ActionKind.AT_START, target, RecordStatus.AT_START, inPreBreak && untouched, owed, closed, now);
            }
            default:
                return followUp(claim, state, ActionKind.REVERT, onQueue.id(), RecordStatus.REVERTED, inPreBreak && untouched, owed, closed, now);
        }
    }

    /** An at-start change or a revert: landed in its target, owed again while untouched in pre-break, else closed. */
    private static ClaimSettlement followUp(ActivityRecord claim, AgentState state, ActionKind kind, String target, RecordStatus done,
                                            boolean untouchedInPreBreak, ActivityRecord owed, ActivityRecord closed, Instant now) {
        if (target != null && target.equals(state.presenceId())) {
            return new ClaimSettlement(claim, Optional.of(claim.withStatus(done, now)), Verdict.LANDED, kind, target);
        }
        if (untouchedInPreBreak) {
            return new ClaimSettlement(claim, Optional.of(owed), Verdict.DID_NOT_LAND, kind, target);
        }
        return new ClaimSettlement(claim, Optional.of(closed), Verdict.MAY_HAVE_LANDED, kind, target);
    }

    private Decision decideOne(Intent intent, AgentState state, Instant now) {
        switch (intent.kind()) {
            case PRE_BREAK:
                return preBreak(intent, state, now);
            case AT_START:
                return followUp(intent, state, intent.rule().flatMap(Rule::atStartPresence).orElseThrow());
            default:
                return followUp(intent, state, onQueue);
        }
    }

    private Decision preBreak(Intent intent, AgentState state, Instant now) {
        Rule rule = intent.rule().orElseThrow();
        ActivityKey key = intent.key();
        if (state == null || state.systemPresence() == null) {
            return new Skip(SkipReason.STATE_UNKNOWN, ActionKind.PRE_BREAK, key, "presence not read");
        }
        if (state.isIn(rule.presence())) {
            return new Skip(SkipReason.ALREADY_IN_TARGET, ActionKind.PRE_BREAK, key, "already " + rule.presence().label());
        }
        if (state.systemPresence() != SystemPresence.ON_QUEUE) {
            return new Skip(SkipReason.NOT_ON_QUEUE, ActionKind.PRE_BREAK, key, "presence " + state.systemPresence());
        }
        if (state.routingStatus() == null) {
            return new Skip(SkipReason.STATE_UNKNOWN, ActionKind.PRE_BREAK, key, "routing status not read");
        }
        if (!rule.eligibleRoutingStatuses().contains(state.routingStatus())) {
            return new Skip(SkipReason.ROUTING_STATUS_NOT_ELIGIBLE, ActionKind.PRE_BREAK, key, "routing status " + state.routingStatus());
        }
        if (rule.adaptive().isPresent()) {
            // Within the maximum lead, the agent's work decides: nothing is recorded, so next tick asks again.
            AdaptiveLead adaptive = rule.adaptive().get();
            Duration untilStart = Duration.between(now, key.activityStart());
            if (!adaptive.preBreakNow(rule.lead(), untilStart, state.routingStatus(), state.workInHand())) {
                Duration remaining = adaptive.expectedRemaining(state.routingStatus(), state.workInHand()).orElse(Duration.ZERO);
                return new Skip(SkipReason.WORK_ENDS_IN_TIME, ActionKind.PRE_BREAK, key, "work in hand expected to take "
                        + remaining.toSeconds() + " s, margin " + adaptive.margin().toSeconds() + " s, start in "
                        + untilStart.toSeconds() + " s");
            }
        }
        return new Action(ActionKind.PRE_BREAK, key, intent.activity(), rule.presence(), Optional.empty());
    }

    /** At-start and revert act only while the agent still sits in the pre-break presence prebreak set. */
    private Decision followUp(Intent intent, AgentState state, PresenceDefinition target) {
        ActivityRecord record = intent.record().orElseThrow();
        if (state == null || state.presenceId() == null) {
            return new Skip(SkipReason.STATE_UNKNOWN, intent.kind(), intent.key(), "presence not read");
        }
        if (!state.presenceId().equals(record.presenceId())) {
            return new Skip(SkipReason.AGENT_MOVED_ON, intent.kind(), intent.key(), "no longer in the pre-break presence");
        }
        return new Action(intent.kind(), intent.key(), intent.activity(), target, Optional.of(record));
    }

    private static int priority(ActionKind kind) {
        switch (kind) {
            case AT_START: return 0;
            case REVERT: return 1;
            default: return 2;
        }
    }
}
