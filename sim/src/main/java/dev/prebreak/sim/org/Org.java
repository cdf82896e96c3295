package dev.prebreak.sim.org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated Genesys org: WFM structure, activity codes, presence definitions, agents with live
 * presence and interactions, published schedules, and the ground-truth presence log. Structure is fixed
 * after build; agent state and schedules change concurrently (per-agent locks, copy-on-write shift lists).
 */
public final class Org {
    private final Clock clock;
    private final Map<String, BusinessUnit> businessUnits;
    private final Map<String, ManagementUnit> managementUnits;
    private final Map<String, List<ActivityCode>> activityCodes;
    private final Map<String, PresenceDefinition> presences;
    private final Map<String, Agent> agents;
    private final List<String> userOrder;
    private final Map<String, List<String>> usersByBusinessUnit;
    private final Map<String, List<Shift>> schedules;
    private final PresenceLog presenceLog = new PresenceLog();
    private volatile double notRespondingShare;
    private volatile double communicatingShare;
    private volatile WorkSource work;

    private Org(Builder b, Clock clock) {
        this.clock = clock;
        this.businessUnits = Map.copyOf(b.businessUnits);
        this.managementUnits = Map.copyOf(b.managementUnits);
        this.activityCodes = Map.copyOf(b.activityCodes);
        this.presences = new LinkedHashMap<>(b.presences);
        this.agents = new ConcurrentHashMap<>(b.agents.size() * 2);
        this.userOrder = new ArrayList<>(b.agents.size());
        this.usersByBusinessUnit = new LinkedHashMap<>();
        for (NewAgent a : b.agents) {
            PresenceDefinition presence = presences.get(a.presenceId());
            if (presence == null) {
                throw new IllegalArgumentException("agent " + a.id() + " has unknown presence " + a.presenceId());
            }
            if (!businessUnits.containsKey(a.businessUnitId()) || !managementUnits.containsKey(a.managementUnitId())) {
                throw new IllegalArgumentException("agent " + a.id() + " is in an unknown business or management unit");
            }
            Agent agent = new Agent(a.id(), a.name(), a.businessUnitId(), a.managementUnitId(), a.seed(), presence,
                    a.presenceModified());
            if (a.interactionUntil() != null) {
                agent.startInteraction(a.presenceModified(), a.interactionUntil());
            }
            if (agents.putIfAbsent(a.id(), agent) != null) {
                throw new IllegalArgumentException("duplicate agent id " + a.id());
            }
            userOrder.add(a.id());
            usersByBusinessUnit.computeIfAbsent(a.businessUnitId(), k -> new ArrayList<>()).add(a.id());
        }
        this.schedules = new ConcurrentHashMap<>(b.schedules.size() * 2);
        b.schedules.forEach((user, shifts) -> schedules.put(user, sorted(shifts)));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Clock clock() {
        return clock;
    }

    // ---- structure ------------------------------------------------------------------------------

    public List<BusinessUnit> businessUnits() {
        return businessUnits.values().stream().sorted(Comparator.comparing(BusinessUnit::name)).toList();
    }

    public Optional<BusinessUnit> businessUnit(String id) {
        return Optional.ofNullable(businessUnits.get(id));
    }

    public List<ManagementUnit> managementUnits(String businessUnitId) {
        return managementUnits.values().stream().filter(m -> m.businessUnitId().equals(businessUnitId))
                .sorted(Comparator.comparing(ManagementUnit::name)).toList();
    }

    public Optional<ManagementUnit> managementUnit(String id) {
        return Optional.ofNullable(managementUnits.get(id));
    }

    public List<ActivityCode> activityCodes(String businessUnitId) {
        return activityCodes.getOrDefault(businessUnitId, List.of());
    }

    public List<PresenceDefinition> presenceDefinitions() {
        return List.copyOf(presences.values());
    }

    public Optional<PresenceDefinition> presenceDefinition(String id) {
        return Optional.ofNullable(presences.get(id));
    }

    /** The first active definition whose en_US label or name matches, case-insensitively. */
    public Optional<PresenceDefinition> presenceDefinitionByLabel(String label) {
        return presences.values().stream().filter(p -> !p.deactivated())
                .filter(p -> p.name().equalsIgnoreCase(label)
                        || label.equalsIgnoreCase(p.languageLabels().getOrDefault("en_US", "")))
                .findFirst();
    }

    // ---- agents ---------------------------------------------------------------------------------

    public int agentCount() {
        return userOrder.size();
    }

    /** All user ids in load order. */
    public List<String> userIds() {
        return List.copyOf(userOrder);
    }

    public List<String> userIdsInBusinessUnit(String businessUnitId) {
        return List.copyOf(usersByBusinessUnit.getOrDefault(businessUnitId, List.of()));
    }

    public boolean hasUser(String userId) {
        return agents.containsKey(userId);
    }

    public Optional<AgentState> state(String userId) {
        Agent agent = agents.get(userId);
        return agent == null ? Optional.empty() : Optional.of(requireState(userId));
    }

    public AgentState requireState(String userId) {
        Agent agent = agent(userId);
        Instant now = clock.instant();
        WorkSource w = work;
        if (w == null) {
            return withRoutingShares(agent.state(now));
        }
        w.advanceTo(now);
        return withRoutingShares(withWork(w, agent.state(now)));
    }

    /**
     * Hands agents' routing to a queue model: from now on they hold the work it routes to them, and the
     * per-agent generated interactions stop.
     */
    public void attachWork(WorkSource source) {
        Instant now = clock.instant();
        for (Agent a : agents.values()) {
            a.endInteraction(now);
            a.setInteractionsEnabled(false, now);
        }
        this.work = Objects.requireNonNull(source, "source");
    }

    /** The attached work model, if any. */
    public Optional<WorkSource> work() {
        return Optional.ofNullable(work);
    }

    private static AgentState withWork(WorkSource w, AgentState s) {
        HeldWork held = w.held(s.userId());
        if (held != null) {
            return s.withWork(RoutingStatus.INTERACTING, held.since(), held);
        }
        Instant since = s.presenceModified();
        Instant idle = w.idleSince(s.userId());
        if (idle != null && idle.isAfter(since)) {
            since = idle;
        }
        return s.withWork(s.presence().onQueue() ? RoutingStatus.IDLE : RoutingStatus.OFF_QUEUE, since,
                new HeldWork(since, Map.of(), Map.of()));
    }

    /**
     * Makes a fixed share of agents read NOT_RESPONDING (an offer went unanswered) and another share
     * COMMUNICATING (busy on a non-ACD interaction) whenever they would read IDLE. Which agents is fixed
     * per user id, so the same agents are picked on every read. Both 0 by default.
     */
    public void setRoutingShares(double notResponding, double communicating) {
        if (!(notResponding >= 0 && communicating >= 0 && notResponding + communicating <= 1)) {
            throw new IllegalArgumentException("routing shares must be between 0 and 1 and add up to 1 at most: "
                    + notResponding + ", " + communicating);
        }
        this.notRespondingShare = notResponding;
        this.communicatingShare = communicating;
    }

    public double notRespondingShare() {
        return notRespondingShare;
    }

    public double communicatingShare() {
        return communicatingShare;
    }

    /** A number in [0, 1) fixed per user id and salt: picks agents for a share the same way on every read. */
    public static double fraction(String userId, long salt) {
        return (Agent.mix(userId.hashCode() * 0x9E3779B97F4A7C15L + salt) >>> 11) * 0x1.0p-53;
    }

    private AgentState withRoutingShares(AgentState s) {
        double nr = notRespondingShare;
        double comm = communicatingShare;
        if (s.routingStatus() != RoutingStatus.IDLE || (nr == 0 && comm == 0)) {
            return s;
        }
        double f = fraction(s.userId(), 1);
        if (f < nr) {
            return s.withRoutingStatus(RoutingStatus.NOT_RESPONDING);
        }
        return f < nr + comm ? s.withRoutingStatus(RoutingStatus.COMMUNICATING) : s;
    }

    /**
     * Writes a user's presence (as an API client or the control API would) and logs it.
     *
     * @throws UnknownEntityException if the user or presence does not exist
     * @throws IllegalArgumentException if the presence definition is deactivated
     */
    public PresenceChange setPresence(String userId, String presenceId, String clientId, String endpoint) {
        Agent agent = agent(userId);
        PresenceDefinition to = presences.get(presenceId);
        if (to == null) {
            throw new UnknownEntityException("presence definition " + presenceId + " not found");
        }
        if (to.deactivated()) {
            throw new IllegalArgumentException("presence definition " + presenceId + " is deactivated");
        }
        Instant at = clock.instant();
        WorkSource w = work;
        if (w != null) {
            w.advanceTo(at);
        }
        PresenceChange change;
        // Append under the agent's lock so the log order matches the order of writes per agent.
        synchronized (agent) {
            PresenceDefinition from = agent.setPresence(to, at);
            change = presenceLog.append(userId, from, to, at, clientId, endpoint);
        }
        if (w != null) {
            w.presenceChanged(userId, to, at);
        }
        return change;
    }

    /**
     * A presence the agent sets themselves at {@code at} (not after the clock), as the work model plays
     * them: logged like any write, with {@code clientId} naming who wrote it. The model is not told.
     */
    public PresenceChange setPresenceAt(String userId, String presenceId, Instant at, String clientId) {
        Agent agent = agent(userId);
        PresenceDefinition to = presences.get(presenceId);
        if (to == null) {
            throw new UnknownEntityException("presence definition " + presenceId + " not found");
        }
        synchronized (agent) {
            PresenceDefinition from = agent.setPresence(to, at);
            return presenceLog.append(userId, from, to, at, clientId, "agent");
        }
    }

    /** The business unit of a user. */
    public String businessUnitOf(String userId) {
        return agent(userId).businessUnitId();
    }

    /** Gives the agent an interaction from now for {@code length}, whatever their presence. */
    public AgentState startInteraction(String userId, Duration length) {
        Agent agent = agent(userId);
        Instant now = clock.instant();
        agent.startInteraction(now, now.plus(length));
        return agent.state(now);
    }

    public AgentState endInteraction(String userId) {
        Agent agent = agent(userId);
        Instant now = clock.instant();
        agent.endInteraction(now);
        return agent.state(now);
    }

    /** Turns generated interactions on or off for one agent (an explicit one can still be started). */
    public AgentState setInteractionsEnabled(String userId, boolean enabled) {
        Agent agent = agent(userId);
        Instant now = clock.instant();
        agent.setInteractionsEnabled(enabled, now);
        return agent.state(now);
    }

    public PresenceLog presenceLog() {
        return presenceLog;
    }

    // ---- schedules ------------------------------------------------------------------------------

    public List<Shift> shifts(String userId) {
        return schedules.getOrDefault(userId, List.of());
    }

    /** Shifts overlapping [from, to). */
    public List<Shift> shifts(String userId, Instant from, Instant to) {
        List<Shift> all = shifts(userId);
        List<Shift> out = new ArrayList<>(2);
        for (Shift s : all) {
            if (s.overlaps(from, to)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Shifts that start in [from, to), whatever their length. */
    public List<Shift> shiftsStartingIn(String userId, Instant from, Instant to) {
        List<Shift> out = new ArrayList<>(2);
        for (Shift s : shifts(userId)) {
            if (!s.startDate().isBefore(from) && s.startDate().isBefore(to)) {
                out.add(s);
            }
        }
        return out;
    }

    public void replaceShifts(String userId, List<Shift> shifts) {
        agent(userId);
        schedules.put(userId, sorted(shifts));
    }

    /**
     * Moves the break, meal or other non-work activity that starts at {@code oldStart} to {@code newStart}
     * within its shift; the on-queue work around it closes up. Returns the edited shift.
     */
    public Shift moveActivity(String userId, Instant oldStart, Instant newStart) {
        return editShift(userId, oldStart, s -> ShiftEdit.move(s, oldStart, newStart,
                code -> isWorkCode(userId, code), workCode(userId)));
    }

    /** Removes the non-work activity starting at {@code start}; on-queue work takes its place. */
    public Shift deleteActivity(String userId, Instant start) {
        return editShift(userId, start, s -> ShiftEdit.delete(s, start, code -> isWorkCode(userId, code),
                workCode(userId)));
    }

    private Shift editShift(String userId, Instant activityStart, java.util.function.UnaryOperator<Shift> edit) {
        agent(userId);
        Shift[] edited = new Shift[1];
        schedules.compute(userId, (k, shifts) -> {
            List<Shift> list = shifts == null ? List.of() : shifts;
            List<Shift> out = new ArrayList<>(list.size());
            boolean found = false;
            for (Shift s : list) {
                if (!found && s.contains(activityStart)) {
                    Shift changed = edit.apply(s);
                    edited[0] = changed;
                    out.add(changed);
                    found = true;
                } else {
                    out.add(s);
                }
            }
            if (!found) {
                throw new UnknownEntityException("user " + userId + " has no shift at " + activityStart);
            }
            return List.copyOf(out);
        });
        return edited[0];
    }

    private boolean isWorkCode(String userId, String codeId) {
        String bu = agent(userId).businessUnitId();
        for (ActivityCode c : activityCodes(bu)) {
            if (c.id().equals(codeId)) {
                return c.category() == ActivityCategory.OnQueueWork;
            }
        }
        return false;
    }

    private String workCode(String userId) {
        String bu = agent(userId).businessUnitId();
        return activityCodes(bu).stream().filter(c -> c.defaultCode() && c.category() == ActivityCategory.OnQueueWork)
                .map(ActivityCode::id).findFirst().orElse("0");
    }

    private Agent agent(String userId) {
        Agent agent = agents.get(Objects.requireNonNull(userId, "userId"));
        if (agent == null) {
            throw new UnknownEntityException("user " + userId + " not found");
        }
        return agent;
    }

    private static List<Shift> sorted(Collection<Shift> shifts) {
        List<Shift> list = new ArrayList<>(shifts);
        list.sort(Comparator.comparing(Shift::startDate));
        return List.copyOf(list);
    }

    /** Assembles an org; the generator and hand-written test orgs both use it. */
    public static final class Builder {
        private final Map<String, BusinessUnit> businessUnits = new LinkedHashMap<>();
        private final Map<String, ManagementUnit> managementUnits = new LinkedHashMap<>();
        private final Map<String, List<ActivityCode>> activityCodes = new LinkedHashMap<>();
        private final Map<String, PresenceDefinition> presences = new LinkedHashMap<>();
        private final List<NewAgent> agents = new ArrayList<>();
        private final Map<String, List<Shift>> schedules = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder businessUnit(BusinessUnit bu) {
            businessUnits.put(bu.id(), bu);
            return this;
        }

        public Builder managementUnit(ManagementUnit mu) {
            managementUnits.put(mu.id(), mu);
            return this;
        }

        public Builder activityCodes(String businessUnitId, List<ActivityCode> codes) {
            activityCodes.put(businessUnitId, List.copyOf(codes));
            return this;
        }

        public Builder presence(PresenceDefinition definition) {
            presences.put(definition.id(), definition);
            return this;
        }

        public Builder agent(NewAgent agent) {
            agents.add(agent);
            return this;
        }

        public Builder shifts(String userId, List<Shift> shifts) {
            schedules.put(userId, shifts);
            return this;
        }

        public Org build(Clock clock) {
            return new Org(this, clock);
        }
    }
}
