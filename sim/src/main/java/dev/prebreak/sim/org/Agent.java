package dev.prebreak.sim.org;

import java.time.Duration;
import java.time.Instant;

/**
 * One agent's live state: presence and interactions. Interactions are generated lazily and
 * deterministically over sim time: while On Queue, an interaction is offered after an idle gap, lasts a
 * while, and the next is offered after another gap. Durations come from a counter-based hash of the
 * agent's seed, so the same sequence of presence changes gives the same interactions however often
 * (or rarely) the state is read. Leaving On Queue stops new offers but lets the current one finish.
 * All methods are synchronized on the agent: per-user locking keeps 50,000 agents cheap.
 */
final class Agent {
    private static final long MIN_INTERACTION_SECONDS = 120;
    private static final long INTERACTION_SPREAD_SECONDS = 600;
    private static final long MAX_GAP_SECONDS = 360;

    private final String id;
    private final String name;
    private final String businessUnitId;
    private final String managementUnitId;
    private final long seed;

    private PresenceDefinition presence;
    private Instant presenceModified;
    private boolean interactionsEnabled = true;
    private Instant interactionStart;
    private Instant interactionEnd;
    private Instant nextOffer;
    private long draws;
    private long handled;

    Agent(String id, String name, String businessUnitId, String managementUnitId, long seed,
          PresenceDefinition presence, Instant presenceModified) {
        this.id = id;
        this.name = name;
        this.businessUnitId = businessUnitId;
        this.managementUnitId = managementUnitId;
        this.seed = seed;
        this.presence = presence;
        this.presenceModified = presenceModified;
        if (presence.onQueue()) {
            this.nextOffer = presenceModified.plusSeconds(gapSeconds());
        }
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String businessUnitId() {
        return businessUnitId;
    }

    String managementUnitId() {
        return managementUnitId;
    }

    synchronized AgentState state(Instant now) {
        advance(now);
        RoutingStatus routing;
        Instant since;
        boolean busy = interactionStart != null && !now.isBefore(interactionStart) && now.isBefore(interactionEnd);
        if (busy) {
            routing = RoutingStatus.INTERACTING;
            since = interactionStart;
        } else {
            routing = presence.onQueue() ? RoutingStatus.IDLE : RoutingStatus.OFF_QUEUE;
            since = presenceModified;
            if (interactionEnd != null && !interactionEnd.isAfter(now) && interactionEnd.isAfter(since)) {
                since = interactionEnd;
            }
        }
        return new AgentState(id, name, businessUnitId, managementUnitId, presence, presenceModified, routing, since,
                busy ? interactionEnd : null, interactionsEnabled, handled);
    }

    /** Sets the presence at {@code at}; returns the previous definition. */
    synchronized PresenceDefinition setPresence(PresenceDefinition to, Instant at) {
        advance(at);
        PresenceDefinition from = presence;
        presence = to;
        presenceModified = at;
        if (!to.onQueue()) {
            nextOffer = null;
        } else if (!from.onQueue() || nextOffer == null) {
            scheduleNextOffer(at);
        }
        return from;
    }

    /** Starts (or extends) an interaction now that lasts until {@code until}, whatever the presence. */
    synchronized void startInteraction(Instant at, Instant until) {
        advance(at);
        if (interactionStart == null || !at.isBefore(interactionEnd)) {
            interactionStart = at;
            handled++;
        }
        interactionEnd = until;
        if (presence.onQueue()) {
            scheduleNextOffer(at);
        }
    }

    /** Ends any interaction in progress now. */
    synchronized void endInteraction(Instant at) {
        advance(at);
        if (interactionEnd != null && interactionEnd.isAfter(at)) {
            interactionEnd = at.isAfter(interactionStart) ? at : interactionStart;
        }
        if (presence.onQueue()) {
            scheduleNextOffer(at);
        }
    }

    synchronized void setInteractionsEnabled(boolean enabled, Instant at) {
        advance(at);
        interactionsEnabled = enabled;
        if (enabled && presence.onQueue() && nextOffer == null) {
            scheduleNextOffer(at);
        }
    }

    private void scheduleNextOffer(Instant at) {
        Instant from = interactionEnd != null && interactionEnd.isAfter(at) ? interactionEnd : at;
        nextOffer = from.plusSeconds(gapSeconds());
    }

    /** Replays offers up to {@code now}: only while On Queue, one interaction at a time. */
    private void advance(Instant now) {
        while (interactionsEnabled && presence.onQueue() && nextOffer != null && !nextOffer.isAfter(now)) {
            if (interactionEnd != null && interactionEnd.isAfter(nextOffer)) {
                nextOffer = interactionEnd.plusSeconds(gapSeconds());
                continue;
            }
            interactionStart = nextOffer;
            interactionEnd = nextOffer.plus(Duration.ofSeconds(interactionSeconds()));
            handled++;
            nextOffer = interactionEnd.plusSeconds(gapSeconds());
        }
    }

    private long interactionSeconds() {
        return MIN_INTERACTION_SECONDS + Math.floorMod(nextDraw(), INTERACTION_SPREAD_SECONDS);
    }

    private long gapSeconds() {
        return Math.floorMod(nextDraw(), MAX_GAP_SECONDS);
    }

    private long nextDraw() {
        return mix(seed + 0x9E3779B97F4A7C15L * ++draws);
    }

    /** SplitMix64 finalizer: a good, stateless 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
