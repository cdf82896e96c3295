package dev.prebreak.sim.work;

import dev.prebreak.sim.org.Activity;
import dev.prebreak.sim.org.ActivityCategory;
import dev.prebreak.sim.org.ActivityCode;
import dev.prebreak.sim.org.HeldWork;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.PresenceDefinition;
import dev.prebreak.sim.org.Shift;
import dev.prebreak.sim.org.WorkSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A contact centre's queues, run as a discrete-event simulation over the org's agents and published
 * schedules: interactions arrive per queue (Poisson within each 15-minute interval, at a rate that fills
 * the scheduled On Queue capacity to the centre's occupancy), wait, are routed to the On Queue agent with
 * free capacity for their media who holds the least and has been idle longest, are handled, wrapped up
 * (after-call work holds the slot), or abandoned. Agents follow their schedule by themselves: On Queue at
 * the start of a shift, Offline at its end, and at a break's start they set the break's presence, finish
 * what they hold (taking nothing new), and start the break when the last interaction is wrapped up;
 * back On Queue after the break's length. A share forget a break for a few minutes or come back late.
 *
 * <p>Deterministic for a seed: arrivals and every interaction's handle time, after-call work and
 * patience come from one random stream per queue, drawn at arrival, so they are the same whatever any
 * policy does; who forgets which break is a hash of agent and break. Everything runs under one lock,
 * lazily: the org brings the model up to its clock before each read or write.
 */
public final class WorkModel implements WorkSource {
    /** The client id in the presence log for the agents' own writes. */
    public static final String AGENT_CLIENT = "agent";
    private static final long INTERVAL_MS = 15 * 60_000L;

    private final Org org;
    private final CentreSpec spec;
    private final long seed;
    private final long fromMs;
    private final long untilMs;
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final Map<String, Desk> desks = new HashMap<>();
    private final List<Desk> deskList = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<BreakRun> breaks = new ArrayList<>();
    private final List<ArrayDeque<Call>> waiting = new ArrayList<>();
    private final Map<Media, TreeSet<Desk>> free = new EnumMap<>(Media.class);
    private final List<QueueStream> streams = new ArrayList<>();
    private long nowMs;
    private long seq;
    private long processed;

    private WorkModel(Org org, CentreSpec spec, long seed, Instant from, Instant until) {
        this.org = org;
        this.spec = spec;
        this.seed = seed;
        this.fromMs = from.toEpochMilli();
        this.untilMs = until.toEpochMilli();
        this.nowMs = fromMs;
        for (Media m : Media.values()) {
            free.put(m, new TreeSet<>(Comparator.comparingInt((Desk d) -> d.held.size())
                    .thenComparingLong(d -> d.idleSinceMs).thenComparingInt(d -> d.index)));
        }
    }

    /**
     * Builds the model over the org's agents and schedules for [from, until), puts every agent in the
     * presence their schedule says at {@code from} (logged as the agents' own writes), and attaches it.
     */
    public static WorkModel attach(Org org, CentreSpec spec, long seed, Instant from, Instant until) {
        WorkModel model = new WorkModel(org, spec, seed, from, until);
        synchronized (model) {
            model.build();
        }
        org.attachWork(model);
        return model;
    }

    public CentreSpec spec() {
        return spec;
    }

    // ---- building ---------------------------------------------------------------------------------

    private void build() {
        Map<String, Map<String, ActivityCategory>> categoriesByUnit = new HashMap<>();
        List<String> users = org.userIds();
        long intervals = Math.max(1, (untilMs - fromMs + INTERVAL_MS - 1) / INTERVAL_MS);
        double[] staffed = new double[(int) intervals];
        for (String user : users) {
            Desk desk = new Desk(user, deskList.size());
            desks.put(user, desk);
            deskList.add(desk);
            Map<String, ActivityCategory> categories = categoriesByUnit.computeIfAbsent(org.businessUnitOf(user), bu -> {
                Map<String, ActivityCategory> m = new HashMap<>();
                for (ActivityCode c : org.activityCodes(bu)) {
                    m.put(c.id(), c.category());
                }
                return m;
            });
            String initial = PresenceDefinition.OFFLINE_ID;
            int breakIndex = 0;
            for (Shift shift : org.shifts(user)) {
                long start = shift.startDate().toEpochMilli();
                long end = shift.endDate().toEpochMilli();
                if (end <= fromMs || start >= untilMs) {
                    continue;
                }
                if (start > fromMs) {
                    schedule(start, () -> shiftStarts(desk));
                } else {
                    desk.inShift = true;
                    initial = PresenceDefinition.ON_QUEUE_ID;
                }
                schedule(end, () -> shiftEnds(desk));
                for (Activity a : shift.activities()) {
                    ActivityCategory category = categories.getOrDefault(a.activityCodeId(), ActivityCategory.OnQueueWork);
                    long s = a.startDate().toEpochMilli();
                    long e = a.endDate().toEpochMilli();
                    if (category == ActivityCategory.OnQueueWork) {
                        for (long t = Math.max(s, fromMs); t < Math.min(e, untilMs); t += 60_000) {
                            staffed[(int) ((t - fromMs) / INTERVAL_MS)] += 1.0 / 15;
                        }
                        continue;
                    }
                    int index = breakIndex++;
                    if (s < fromMs) {
                        if (e > fromMs) {
                            initial = presenceFor(category);
                        }
                        continue;
                    }
                    if (s < untilMs) {
                        schedule(s, () -> breakDue(desk, category, a, index));
                    }
                }
            }
            desk.presenceId = initial;
            desk.onQueue = initial.equals(PresenceDefinition.ON_QUEUE_ID);
            org.setPresenceAt(user, initial, Instant.ofEpochMilli(fromMs), AGENT_CLIENT);
            desk.presenceByAgent = true;
            attachFree(desk);
        }
        for (int q = 0; q < spec.queues().size(); q++) {
            QueueSpec queue = spec.queues().get(q);
            double[] rate = new double[staffed.length];
            double perAgentSlot = spec.capacity(queue.media()) / queue.slotSeconds();
            for (int i = 0; i < rate.length; i++) {
                rate[i] = spec.occupancy() * staffed[i] * queue.workloadShare() * perAgentSlot; // per second
            }
            QueueStream stream = new QueueStream(q, queue, rate, new SplittableRandom(seed * 31 + q + 1));
            streams.add(stream);
            waiting.add(new ArrayDeque<>());
            stream.scheduleNext(fromMs);
        }
    }

    private static String presenceFor(ActivityCategory category) {
        switch (category) {
            case Break: return PresenceDefinition.BREAK_ID;
            case Meal: return PresenceDefinition.MEAL_ID;
            case Meeting: return PresenceDefinition.MEETING_ID;
            case Training: return PresenceDefinition.TRAINING_ID;
            case OffQueueWork: return PresenceDefinition.BUSY_ID;
            default: return PresenceDefinition.AWAY_ID;
        }
    }

    // ---- the WorkSource the org calls -------------------------------------------------------------

    @Override
    public synchronized void advanceTo(Instant now) {
        long target = now.toEpochMilli();
        while (!events.isEmpty() && events.peek().atMs <= target) {
            Event e = events.poll();
            nowMs = Math.max(nowMs, e.atMs);
            processed++;
            e.action.run();
        }
        nowMs = Math.max(nowMs, target);
    }

    @Override
    public synchronized void presenceChanged(String userId, PresenceDefinition to, Instant at) {
        Desk d = desks.get(userId);
        if (d == null) {
            return;
        }
        nowMs = Math.max(nowMs, at.toEpochMilli());
        detachFree(d);
        d.presenceId = to.id();
        d.onQueue = to.onQueue();
        d.presenceByAgent = false;
        attachFree(d);
        accrue(d);
        if (d.onQueue) {
            pull(d);
        }
    }

    @Override
    public synchronized HeldWork held(String userId) {
        Desk d = desks.get(userId);
        if (d == null || d.held.isEmpty()) {
            return null;
        }
        Map<String, Integer> active = new HashMap<>();
        Map<String, Integer> acw = new HashMap<>();
        for (Call c : d.held) {
            (c.endedMs == 0 ? active : acw).merge(c.queue.media().wire(), 1, Integer::sum);
        }
        return new HeldWork(Instant.ofEpochMilli(d.busySinceMs), active, acw);
    }

    @Override
    public synchronized Instant idleSince(String userId) {
        Desk d = desks.get(userId);
        return d == null || d.idleSinceMs == 0 ? null : Instant.ofEpochMilli(d.idleSinceMs);
    }

    // ---- ground truth -----------------------------------------------------------------------------

    /** Every interaction offered so far, in the order they arrived. */
    public synchronized List<Interaction> interactions() {
        List<Interaction> out = new ArrayList<>(calls.size());
        for (Call c : calls) {
            out.add(c.toInteraction());
        }
        return out;
    }

    /** Every scheduled break, meal or other off-queue activity that has come due, in the order they did. */
    public synchronized List<BreakTaken> breaks() {
        List<BreakTaken> out = new ArrayList<>(breaks.size());
        for (BreakRun b : breaks) {
            out.add(b.toBreak());
        }
        return out;
    }

    /**
     * When the work the agent holds now will all be wrapped up, as only the simulator knows (an oracle
     * for benchmarks; Genesys shows nothing like it). Empty when the agent holds nothing.
     */
    public synchronized Optional<Instant> workEnds(String userId) {
        Desk d = desks.get(userId);
        if (d == null || d.held.isEmpty()) {
            return Optional.empty();
        }
        long end = 0;
        for (Call c : d.held) {
            end = Math.max(end, c.answeredMs + c.handleMs + c.acwMs);
        }
        return Optional.of(Instant.ofEpochMilli(end));
    }

    /** Events processed so far (arrivals, ends, abandons, schedule events). */
    public synchronized long eventsProcessed() {
        return processed;
    }

    // ---- events -----------------------------------------------------------------------------------

    private void schedule(long atMs, Runnable action) {
        events.add(new Event(atMs, seq++, action));
    }

    private void shiftStarts(Desk d) {
        d.inShift = true;
        setOwnPresence(d, PresenceDefinition.ON_QUEUE_ID);
        pull(d);
    }

    private void shiftEnds(Desk d) {
        d.inShift = false;
        if (d.onBreak == null) {
            setOwnPresence(d, PresenceDefinition.OFFLINE_ID);
        }
        d.due = null;
        accrue(d);
    }

    private void breakDue(Desk d, ActivityCategory category, Activity activity, int index) {
        if (!d.inShift) {
            return;
        }
        long forgot = 0;
        long lateReturn = 0;
        long salt = d.user.hashCode() * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + seed;
        if (fraction(salt, 1) < spec.forgetShare()) {
            forgot = 60_000L + (long) (fraction(salt, 2) * (spec.forgetMax().toMillis() - 60_000L));
        }
        if (fraction(salt, 3) < spec.lateReturnShare()) {
            lateReturn = 60_000L + (long) (fraction(salt, 4) * (spec.lateReturnMax().toMillis() - 60_000L));
        }
        accrue(d); // closes the capacity lost before this break
        BreakRun run = new BreakRun(d.user, category.name(), activity.startDate().toEpochMilli(), activity.lengthMinutes(),
                d.lostMs, forgot, lateReturn, presenceFor(category));
        d.lostMs = 0;
        breaks.add(run);
        if (d.onBreak != null) {
            return; // still on the previous break (came back late into this one): it starts when they return
        }
        d.due = run;
        accrue(d);
        if (forgot > 0) {
            schedule(nowMs + forgot, () -> goToBreak(d, run));
        } else {
            goToBreak(d, run);
        }
    }

    /** The agent sets the break's presence: nothing new is offered; the break starts once they hold nothing. */
    private void goToBreak(Desk d, BreakRun run) {
        if (d.due != run || !d.inShift) {
            return;
        }
        setOwnPresence(d, run.presenceId);
        if (d.held.isEmpty()) {
            startBreak(d, run);
        }
    }

    private void startBreak(Desk d, BreakRun run) {
        run.actualStartMs = nowMs;
        d.due = null;
        d.onBreak = run;
        schedule(nowMs + run.lengthMinutes * 60_000L + run.lateReturnMs, () -> endBreak(d, run));
    }

    private void endBreak(Desk d, BreakRun run) {
        run.endMs = nowMs;
        d.onBreak = null;
        if (d.inShift) {
            setOwnPresence(d, PresenceDefinition.ON_QUEUE_ID);
            pull(d);
        } else {
            setOwnPresence(d, PresenceDefinition.OFFLINE_ID);
        }
    }

    private void setOwnPresence(Desk d, String presenceId) {
        detachFree(d);
        d.presenceId = presenceId;
        d.onQueue = presenceId.equals(PresenceDefinition.ON_QUEUE_ID);
        d.presenceByAgent = true;
        org.setPresenceAt(d.user, presenceId, Instant.ofEpochMilli(nowMs), AGENT_CLIENT);
        attachFree(d);
        accrue(d);
    }

    private void arrive(QueueStream stream, Call call) {
        calls.add(call);
        Desk best = free.get(call.queue.media()).isEmpty() ? null : free.get(call.queue.media()).first();
        if (best != null) {
            assign(best, call);
        } else {
            waiting.get(stream.index).add(call);
            if (call.patienceMs > 0) {
                schedule(nowMs + call.patienceMs, () -> abandon(call));
            }
        }
        stream.scheduleNext(nowMs);
    }

    private void abandon(Call call) {
        if (call.answeredMs == 0) {
            call.abandonedMs = nowMs; // left in its deque; skipped when an agent looks for work
        }
    }

    private void assign(Desk d, Call call) {
        detachFree(d);
        if (d.held.isEmpty()) {
            d.busySinceMs = nowMs;
        }
        d.held.add(call);
        d.holding = call.queue.media();
        call.desk = d;
        call.answeredMs = nowMs;
        attachFree(d);
        accrue(d);
        schedule(nowMs + call.handleMs, () -> handled(call));
    }

    private void handled(Call call) {
        call.endedMs = nowMs;
        schedule(nowMs + call.acwMs, () -> wrappedUp(call));
    }

    private void wrappedUp(Call call) {
        Desk d = call.desk;
        call.acwEndedMs = nowMs;
        detachFree(d);
        d.held.remove(call);
        if (d.held.isEmpty()) {
            d.holding = null;
            d.idleSinceMs = nowMs;
        }
        attachFree(d);
        accrue(d);
        if (d.held.isEmpty() && d.due != null && d.presenceId.equals(d.due.presenceId)) {
            startBreak(d, d.due);
        } else {
            pull(d);
        }
    }

    /** Gives an agent with free capacity the longest-waiting interactions they can take. */
    private void pull(Desk d) {
        while (canTake(d) != null) {
            Call oldest = null;
            ArrayDeque<Call> from = null;
            for (int q = 0; q < waiting.size(); q++) {
                ArrayDeque<Call> deque = waiting.get(q);
                while (!deque.isEmpty() && deque.peekFirst().abandonedMs != 0) {
                    deque.pollFirst();
                }
                Call head = deque.peekFirst();
                if (head != null && takes(d, head.queue.media()) && (oldest == null || head.offeredMs < oldest.offeredMs)) {
                    oldest = head;
                    from = deque;
                }
            }
            if (oldest == null) {
                return;
            }
            from.pollFirst();
            assign(d, oldest);
        }
    }

    /** A media the agent could take now, or null. */
    private Media canTake(Desk d) {
        if (!d.onQueue) {
            return null;
        }
        if (d.holding != null) {
            return d.held.size() < spec.capacity(d.holding) ? d.holding : null;
        }
        return Media.CALL; // holds nothing: any media with capacity
    }

    private boolean takes(Desk d, Media m) {
        if (!d.onQueue || spec.capacity(m) < 1) {
            return false;
        }
        return d.holding == null || (d.holding == m && d.held.size() < spec.capacity(m));
    }

    private void detachFree(Desk d) {
        if (d.listed) {
            for (TreeSet<Desk> set : free.values()) {
                set.remove(d);
            }
            d.listed = false;
        }
    }

    private void attachFree(Desk d) {
        if (!d.onQueue) {
            return;
        }
        for (Media m : Media.values()) {
            if (takes(d, m)) {
                free.get(m).add(d);
                d.listed = true;
            }
        }
    }

    /**
     * Capacity lost: the agent is off queue in a presence someone else set (Pre-Break), holds nothing, and
     * no break is due or under way. Counted until the next break comes due, which takes it.
     */
    private void accrue(Desk d) {
        boolean losing = !d.onQueue && !d.presenceByAgent && d.held.isEmpty() && d.inShift && d.due == null
                && d.onBreak == null;
        if (losing && d.lostSinceMs == 0) {
            d.lostSinceMs = nowMs;
        } else if (!losing && d.lostSinceMs != 0) {
            d.lostMs += nowMs - d.lostSinceMs;
            d.lostSinceMs = 0;
        }
    }

    private static double fraction(long salt, int n) {
        long z = salt + 0x9E3779B97F4A7C15L * n;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    // ---- state ------------------------------------------------------------------------------------

    private static final class Event implements Comparable<Event> {
        final long atMs;
        final long seq;
        final Runnable action;

        Event(long atMs, long seq, Runnable action) {
            this.atMs = atMs;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public int compareTo(Event o) {
            int c = Long.compare(atMs, o.atMs);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** One agent as the routing engine sees them. */
    private static final class Desk {
        final String user;
        final int index;
        final List<Call> held = new ArrayList<>(3);
        Media holding;
        boolean onQueue;
        boolean presenceByAgent;
        String presenceId;
        boolean inShift;
        boolean listed;
        long busySinceMs;
        long idleSinceMs;
        BreakRun due;
        BreakRun onBreak;
        long lostSinceMs;
        long lostMs;

        Desk(String user, int index) {
            this.user = user;
            this.index = index;
        }
    }

    private static final class Call {
        final long id;
        final QueueSpec queue;
        final long offeredMs;
        final long handleMs;
        final long acwMs;
        final long patienceMs;
        Desk desk;
        long answeredMs;
        long endedMs;
        long acwEndedMs;
        long abandonedMs;

        Call(long id, QueueSpec queue, long offeredMs, long handleMs, long acwMs, long patienceMs) {
            this.id = id;
            this.queue = queue;
            this.offeredMs = offeredMs;
            this.handleMs = handleMs;
            this.acwMs = acwMs;
            this.patienceMs = patienceMs;
        }

        Interaction toInteraction() {
            return new Interaction(id, queue.name(), queue.media(), Instant.ofEpochMilli(offeredMs),
                    desk == null ? null : desk.user, at(answeredMs), at(endedMs), at(acwEndedMs), at(abandonedMs));
        }
    }

    private static final class BreakRun {
        final String user;
        final String category;
        final long scheduledMs;
        final int lengthMinutes;
        final long lostMs;
        final long forgotMs;
        final long lateReturnMs;
        final String presenceId;
        long actualStartMs;
        long endMs;

        BreakRun(String user, String category, long scheduledMs, int lengthMinutes, long lostMs, long forgotMs,
                 long lateReturnMs, String presenceId) {
            this.user = user;
            this.category = category;
            this.scheduledMs = scheduledMs;
            this.lengthMinutes = lengthMinutes;
            this.lostMs = lostMs;
            this.forgotMs = forgotMs;
            this.lateReturnMs = lateReturnMs;
            this.presenceId = presenceId;
        }

        BreakTaken toBreak() {
            return new BreakTaken(user, category, Instant.ofEpochMilli(scheduledMs), lengthMinutes, at(actualStartMs),
                    at(endMs), Duration.ofMillis(lostMs), Duration.ofMillis(forgotMs));
        }
    }

    private static Instant at(long ms) {
        return ms == 0 ? null : Instant.ofEpochMilli(ms);
    }

    /** Arrivals of one queue: Poisson at a rate fixed per 15-minute interval, with the draws of each interaction. */
    private final class QueueStream {
        final int index;
        final QueueSpec queue;
        final double[] ratePerSecond;
        final SplittableRandom random;
        final double sigma;
        final double mu;

        QueueStream(int index, QueueSpec queue, double[] ratePerSecond, SplittableRandom random) {
            this.index = index;
            this.queue = queue;
            this.ratePerSecond = ratePerSecond;
            this.random = random;
            double mean = queue.handleMean().toMillis();
            double sd = queue.handleSd().toMillis();
            double s2 = Math.log(1 + (sd * sd) / (mean * mean));
            this.sigma = Math.sqrt(s2);
            this.mu = Math.log(mean) - s2 / 2;
        }

        /** Draws the next arrival after {@code afterMs} (memoryless, so restarting at an interval's edge is exact). */
        void scheduleNext(long afterMs) {
            long t = afterMs;
            while (t < untilMs) {
                int i = (int) ((t - fromMs) / INTERVAL_MS);
                long edge = fromMs + (i + 1) * INTERVAL_MS;
                double rate = ratePerSecond[i];
                if (rate <= 0) {
                    t = edge;
                    continue;
                }
                double gapMs = -Math.log(1 - random.nextDouble()) / rate * 1000;
                if (t + gapMs >= edge) {
                    t = edge;
                    continue;
                }
                long at = t + Math.max(1, (long) gapMs);
                long handle = Math.max(1000, (long) Math.exp(mu + sigma * gaussian()));
                long acw = exponential(queue.afterCallWorkMean().toMillis());
                long patience = queue.patienceMean().isZero() ? 0 : Math.max(1000, exponential(queue.patienceMean().toMillis()));
                Call call = new Call(++lastCallId, queue, at, handle, acw, patience);
                schedule(at, () -> arrive(this, call));
                return;
            }
        }

        private double gaussian() {
            // Box-Muller from the stream itself, so the draws depend on nothing else.
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }

        private long exponential(long meanMs) {
            return meanMs <= 0 ? 0 : (long) (-Math.log(1 - random.nextDouble()) * meanMs);
        }
    }

    private long lastCallId;
}
