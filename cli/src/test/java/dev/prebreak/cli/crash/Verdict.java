package dev.prebreak.cli.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prebreak.sim.org.PresenceChange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the simulator's ground truth (its presence log) says about a crash run, against the promises:
 * <ol>
 *   <li>no activity written twice: at most one Pre-Break write by prebreak per agent (each has one break);</li>
 *   <li>no agent who went back On Queue by hand set again for that break;</li>
 *   <li>every eligible agent set: an agent whose break's trigger passed while prebreak was up long enough
 *       (see {@link #owed}) has a Pre-Break write by prebreak between the trigger and the break's start;</li>
 *   <li>every landed write audited: per agent, at least as many audit records for their break saying APPLIED,
 *       or that the write may have landed (UNCERTAIN, or UNCONFIRMED: applied, unconfirmed), as Pre-Break
 *       writes that landed; FAILED does not count, since the write did land;</li>
 *   <li>and, as nothing here moves or removes a break, prebreak writes nothing but Pre-Break.</li>
 * </ol>
 */
final class Verdict {
    /** Audit outcomes that own up to a write that landed (by name: the test reads the JSON lines). */
    static final Set<String> ACKNOWLEDGING = Set.of("APPLIED", "UNCONFIRMED", "UNCERTAIN");
    /**
     * A claim left by a tick that never finished is settled by a tick at least this many tick lengths
     * after it was made (today's Planner: a claim older than two ticks is stale).
     */
    static final int CLAIM_SETTLES_AFTER = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Account account;
    private final List<CrashOrg.Agent> agents;
    private final Set<String> returners;
    private final Map<String, List<PresenceChange>> log;
    private final String prebreakClient;
    private final List<ServeProcess.Tick> ticks;
    private final Duration tick;
    private final List<Instant> kills;
    private final List<JsonNode> audit = new ArrayList<>();
    private final List<String> damagedAudit = new ArrayList<>();

    final List<String> writtenTwice = new ArrayList<>();
    final List<String> setAgainAfterReturn = new ArrayList<>();
    final List<String> missed = new ArrayList<>();
    final List<String> unaudited = new ArrayList<>();
    final List<String> otherWrites = new ArrayList<>();
    /** Agents a finding is about, for the ground truth printed per agent. */
    private final Set<String> failing = new LinkedHashSet<>();
    private int owedCount;
    private int setCount;
    private int returnedCount;

    Verdict(Account account, List<CrashOrg.Agent> agents, Set<String> returners, List<PresenceChange> log,
            String prebreakClient, List<ServeProcess.Tick> ticks, List<Instant> kills, Duration tick,
            List<String> auditLines) {
        this.account = account;
        this.agents = agents;
        this.returners = returners;
        this.log = log.stream().collect(Collectors.groupingBy(PresenceChange::userId, LinkedHashMap::new, Collectors.toList()));
        this.prebreakClient = prebreakClient;
        this.ticks = ticks.stream().sorted(Comparator.comparing(ServeProcess.Tick::at)).toList();
        this.tick = tick;
        this.kills = List.copyOf(kills);
        for (String line : auditLines) {
            try {
                audit.add(JSON.readTree(line));
            } catch (IOException e) {
                damagedAudit.add(line);
            }
        }
        judge();
    }

    private void judge() {
        for (CrashOrg.Agent a : agents) {
            List<PresenceChange> mine = log.getOrDefault(a.id(), List.of());
            List<PresenceChange> preBreaks = mine.stream()
                    .filter(c -> c.clientId().equals(prebreakClient) && c.toPresenceId().equals(CrashOrg.PRE_BREAK)).toList();
            mine.stream().filter(c -> c.clientId().equals(prebreakClient) && !c.toPresenceId().equals(CrashOrg.PRE_BREAK))
                    .forEach(c -> found(otherWrites, a, "prebreak wrote " + name(c.toPresenceId()) + " at " + account.offset(c.at())));
            Optional<PresenceChange> back = mine.stream().filter(c -> !c.clientId().equals(prebreakClient)).findFirst();
            if (!preBreaks.isEmpty()) {
                setCount++;
            }
            if (back.isPresent()) {
                returnedCount++;
            }
            if (preBreaks.size() > 1) {
                found(writtenTwice, a, preBreaks.size() + " Pre-Break writes, at "
                        + preBreaks.stream().map(c -> account.offset(c.at()).trim()).collect(Collectors.joining(", ")));
            }
            back.ifPresent(b -> preBreaks.stream().filter(c -> c.sequence() > b.sequence()).findFirst().ifPresent(again ->
                    found(setAgainAfterReturn, a, "went back On Queue by hand at " + account.offset(b.at()).trim()
                            + ", set to Pre-Break again at " + account.offset(again.at()).trim())));
            Optional<Instant> owedSince = owed(a);
            if (owedSince.isPresent()) {
                owedCount++;
                boolean inTime = preBreaks.stream().anyMatch(c -> !c.at().isBefore(a.trigger()) && c.at().isBefore(a.start()));
                if (!inTime) {
                    found(missed, a, "never set between its trigger and its start, though prebreak finished a clean tick at "
                            + account.offset(owedSince.get()).trim() + ", late enough to have settled any claim a kill left");
                }
            }
            if (!preBreaks.isEmpty()) {
                List<JsonNode> records = auditOf(a);
                long acknowledged = records.stream().filter(r -> ACKNOWLEDGING.contains(r.path("outcome").asText())).count();
                if (acknowledged < preBreaks.size()) {
                    found(unaudited, a, preBreaks.size() + " landed Pre-Break write(s), audit says "
                            + (records.isEmpty() ? "nothing" : records.stream().map(r -> r.path("outcome").asText())
                            .collect(Collectors.joining(", "))));
                }
            }
        }
    }

    /**
     * Whether prebreak was up long enough to owe the agent their Pre-Break, and if so the tick that shows it.
     *
     * <p>A tick that finishes after the trigger sets every due agent unless a claim is in its way. A claim
     * whose write was sent has landed (the simulator applies whatever reaches it), so that agent is set. A
     * claim whose write was never sent (a kill between claiming and sending) must first be settled, which a
     * tick does once the claim is {@link #CLAIM_SETTLES_AFTER} ticks old, and the agent is written at a tick
     * after that. Such a claim was made before the last kill in the agent's lead window. So, with {@code K}
     * that last kill: owed when a tick finished at {@code b >= K + 2 ticks} and another finished cleanly (no
     * write failed) after {@code b}, before the break starts; with no kill in the window, when any tick
     * after the trigger finished cleanly before the start. The tick returned is that clean one.
     */
    Optional<Instant> owed(CrashOrg.Agent agent) {
        Optional<Instant> lastKill = kills.stream()
                .filter(k -> !k.isBefore(agent.trigger()) && k.isBefore(agent.start())).max(Comparator.naturalOrder());
        Instant after = agent.trigger().minusNanos(1);
        if (lastKill.isPresent()) {
            Instant settledBy = lastKill.get().plus(tick.multipliedBy(CLAIM_SETTLES_AFTER));
            Optional<ServeProcess.Tick> settling = ticks.stream().filter(t -> !t.at().isBefore(settledBy)).findFirst();
            if (settling.isEmpty()) {
                return Optional.empty();
            }
            after = settling.get().at();
        }
        Instant from = after;
        return ticks.stream().filter(t -> t.at().isAfter(from) && t.at().isBefore(agent.start()) && t.clean())
                .map(ServeProcess.Tick::at).findFirst();
    }

    private List<JsonNode> auditOf(CrashOrg.Agent a) {
        return audit.stream().filter(r -> r.path("userId").asText().equals(a.id())
                && r.path("kind").asText().equals("PRE_BREAK")
                && a.start().toString().equals(r.path("activityStart").asText())).toList();
    }

    private void found(List<String> list, CrashOrg.Agent a, String what) {
        list.add(a.id() + ": " + what);
        failing.add(a.id());
    }

    boolean passed() {
        return writtenTwice.isEmpty() && setAgainAfterReturn.isEmpty() && missed.isEmpty() && unaudited.isEmpty()
                && otherWrites.isEmpty();
    }

    String summary() {
        return String.format("%d agents, %d set, %d went back On Queue by hand, %d owed a Pre-Break by the ticks prebreak"
                        + " finished; %d written twice, %d set again after going back, %d missed, %d landed writes unaudited,"
                        + " %d other writes; %d audit lines (%d unreadable)",
                agents.size(), setCount, returnedCount, owedCount, writtenTwice.size(), setAgainAfterReturn.size(),
                missed.size(), unaudited.size(), otherWrites.size(), audit.size() + damagedAudit.size(), damagedAudit.size());
    }

    /** The findings, then each failing agent's ground truth and audit records. */
    String findings() {
        StringBuilder out = new StringBuilder();
        section(out, "activities written twice", writtenTwice);
        section(out, "agents set again after going back On Queue by hand", setAgainAfterReturn);
        section(out, "eligible agents never set", missed);
        section(out, "landed writes without an APPLIED/UNCONFIRMED/UNCERTAIN audit record", unaudited);
        section(out, "writes other than Pre-Break", otherWrites);
        if (!damagedAudit.isEmpty()) {
            section(out, "unreadable audit lines", damagedAudit);
        }
        if (!failing.isEmpty()) {
            out.append("\nground truth of each agent above (simulator presence log; times since the test started):\n");
            for (CrashOrg.Agent a : agents) {
                if (!failing.contains(a.id())) {
                    continue;
                }
                out.append(a.id()).append(": due ").append(account.offset(a.trigger()).trim()).append(", break at ")
                        .append(account.offset(a.start()).trim()).append(" (").append(a.start()).append(")")
                        .append(returners.contains(a.id()) ? ", goes back On Queue by hand once set" : "").append('\n');
                for (PresenceChange c : log.getOrDefault(a.id(), List.of())) {
                    out.append(String.format("    log #%-4d %s  %-13s %s -> %s%n", c.sequence(), account.offset(c.at()),
                            c.clientId().equals(prebreakClient) ? "prebreak" : c.clientId(), name(c.fromPresenceId()),
                            name(c.toPresenceId())));
                }
                for (JsonNode r : audit) {
                    if (r.path("userId").asText().equals(a.id())) {
                        out.append("    audit     ").append(r).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append(title).append(" (").append(items.size()).append("):\n");
        items.forEach(i -> out.append("  ").append(i).append('\n'));
    }

    private static String name(String presenceId) {
        if (presenceId.equals(CrashOrg.PRE_BREAK)) {
            return "Pre-Break";
        }
        return presenceId.equals(CrashOrg.ON_QUEUE) ? "On Queue" : presenceId;
    }
}
