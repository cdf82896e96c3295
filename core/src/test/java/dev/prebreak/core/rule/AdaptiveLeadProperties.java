package dev.prebreak.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.presence.RoutingStatus;
import dev.prebreak.core.presence.WorkInHand;
import dev.prebreak.core.testing.SeededCases;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The adaptive lead's promises, over seeded random agents, leads, margins and work in hand. */
class AdaptiveLeadProperties {
    private static final List<String> MEDIA = List.of("call", "callback", "chat", "message", "email", "video");

    /** One decision's inputs. */
    record Case(long maxLeadS, long minLeadS, long marginS, long untilStartS, RoutingStatus routing,
                Map<String, Integer> active, Map<String, Integer> acw, Map<String, Long> handleS, boolean workRead) {
        AdaptiveLead lead(long margin) {
            Map<String, Duration> handle = new LinkedHashMap<>();
            handleS.forEach((m, s) -> handle.put(m, Duration.ofSeconds(s)));
            return new AdaptiveLead(Duration.ofSeconds(minLeadS), Duration.ofSeconds(margin), handle, Map.of());
        }

        WorkInHand work() {
            return workRead ? new WorkInHand(Instant.EPOCH, active, acw) : null;
        }

        boolean decide(long margin, long untilStart) {
            return lead(margin).preBreakNow(Duration.ofSeconds(maxLeadS), Duration.ofSeconds(untilStart), routing, work());
        }

        Stream<Case> smaller() {
            return Stream.of(new Case(maxLeadS, minLeadS, marginS / 2, untilStartS, routing, active, acw, handleS, workRead),
                    new Case(maxLeadS, minLeadS, marginS, untilStartS, routing, Map.of(), Map.of(), handleS, workRead),
                    new Case(maxLeadS, minLeadS, marginS, untilStartS, routing, active, acw, Map.of(), workRead))
                    .filter(c -> !c.equals(this));
        }
    }

    static Case generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long max = 60 + r.nextLong(40 * 60);
        long min = r.nextLong(max + 1);
        Map<String, Integer> active = new LinkedHashMap<>();
        Map<String, Integer> acw = new LinkedHashMap<>();
        Map<String, Long> handle = new LinkedHashMap<>();
        for (String m : MEDIA) {
            if (r.nextInt(3) == 0) {
                active.put(m, r.nextInt(5));
            }
            if (r.nextInt(4) == 0) {
                acw.put(m, r.nextInt(3));
            }
            if (r.nextInt(2) == 0) {
                handle.put(m, 1 + r.nextLong(30 * 60));
            }
        }
        RoutingStatus routing = RoutingStatus.values()[r.nextInt(RoutingStatus.values().length)];
        return new Case(max, min, r.nextLong(20 * 60), r.nextLong(2 * max + 1), routing, active, acw, handle, r.nextInt(5) != 0);
    }

    private static SeededCases<Case> cases() {
        return SeededCases.of(500, AdaptiveLeadProperties::generate, Case::smaller);
    }

    @Test
    void neverLaterThanTheMinimumLead() {
        cases().check(c -> {
            if (c.untilStartS() <= c.minLeadS()) {
                assertThat(c.decide(c.marginS(), c.untilStartS())).as("at or inside the minimum lead: %s", c).isTrue();
            }
        });
    }

    @Test
    void neverEarlierThanTheMaximumLead() {
        cases().check(c -> {
            if (c.untilStartS() > c.maxLeadS()) {
                assertThat(c.decide(c.marginS(), c.untilStartS())).as("before the maximum lead: %s", c).isFalse();
            }
        });
    }

    @Test
    void monotoneInTheMargin() {
        cases().check(c -> {
            if (c.decide(c.marginS(), c.untilStartS())) {
                for (long more : new long[] {1, 30, 600}) {
                    assertThat(c.decide(c.marginS() + more, c.untilStartS())).as("margin + %d s: %s", more, c).isTrue();
                }
            }
        });
    }

    @Test
    void onceDueStaysDueAsTheStartComesCloser() {
        cases().check(c -> {
            if (c.decide(c.marginS(), c.untilStartS())) {
                for (long t = c.untilStartS(); t >= 0; t -= 37) {
                    assertThat(c.decide(c.marginS(), t)).as("%d s before the start: %s", t, c).isTrue();
                }
            }
        });
    }

    @Test
    void anIdleAgentWaitsForTheMinimumLeadAndABusyOneGoesEarlier() {
        AdaptiveLead lead = new AdaptiveLead(Duration.ofMinutes(2), Duration.ofMinutes(1),
                Map.of("chat", Duration.ofMinutes(8)), Map.of());
        Duration max = Duration.ofMinutes(20);
        WorkInHand none = new WorkInHand(null, Map.of(), Map.of());
        WorkInHand threeChats = new WorkInHand(Instant.EPOCH, Map.of("chat", 3), Map.of());
        assertThat(lead.preBreakNow(max, Duration.ofMinutes(5), RoutingStatus.IDLE, none)).isFalse();
        assertThat(lead.preBreakNow(max, Duration.ofMinutes(2), RoutingStatus.IDLE, none)).isTrue();
        // 8 min x H(3) = 14.7 min, + 30 s after-call work + 1 min margin: due from about 16.2 min before.
        assertThat(lead.preBreakNow(max, Duration.ofMinutes(16), RoutingStatus.INTERACTING, threeChats)).isTrue();
        assertThat(lead.preBreakNow(max, Duration.ofMinutes(17), RoutingStatus.INTERACTING, threeChats)).isFalse();
        // Interacting with nothing said about what: fall back to the maximum lead.
        assertThat(lead.preBreakNow(max, Duration.ofMinutes(19), RoutingStatus.INTERACTING, null)).isTrue();
    }
}
