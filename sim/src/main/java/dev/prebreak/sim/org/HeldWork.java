package dev.prebreak.sim.org;

import java.time.Instant;
import java.util.Map;

/**
 * The contact-centre work an agent holds at a moment, as Genesys shows it: interactions per media that are
 * connected ({@code active}) or in after-call work ({@code acw}), and since when the agent has held work
 * without a break (the {@code startTime} of routing status {@code INTERACTING}).
 *
 * @param media keyed as the API spells media in {@code UserConversationSummary}: call, callback, chat,
 *        message, email
 */
public record HeldWork(Instant since, Map<String, Integer> active, Map<String, Integer> acw) {
    public HeldWork {
        active = Map.copyOf(active);
        acw = Map.copyOf(acw);
    }

    public int active(String media) {
        return active.getOrDefault(media, 0);
    }

    public int acw(String media) {
        return acw.getOrDefault(media, 0);
    }
}
