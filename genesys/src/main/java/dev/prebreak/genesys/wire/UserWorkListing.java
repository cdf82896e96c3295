package dev.prebreak.genesys.wire;

import dev.prebreak.core.presence.WorkInHand;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same {@code UserEntityListing} as {@link UserListing}, read for the work each agent holds: the
 * {@code conversationSummary} expand ({@code UserConversationSummary}: per media a {@code MediaSummary}
 * whose {@code contactCenter} counts ACD interactions {@code active} and in {@code acw}) and the routing
 * status' {@code startTime}. Kept apart from {@link UserAnswer} so that presence reads stay as they were.
 */
public record UserWorkListing(List<UserWork> entities) {
    public UserWorkListing {
        entities = entities == null ? List.of() : entities;
    }

    public record UserWork(String id, RoutingStatusAnswer routingStatus, ConversationSummary conversationSummary) {
        /** The work in hand, or null when Genesys left the summary out (its expands are best effort). */
        public WorkInHand toWork() {
            if (conversationSummary == null) {
                return null;
            }
            Instant since = null;
            if (routingStatus != null && routingStatus.startTime() != null && "INTERACTING".equals(routingStatus.status())) {
                since = WireTime.parse(routingStatus.startTime(), "entities[].routingStatus.startTime");
            }
            Map<String, Integer> active = new LinkedHashMap<>();
            Map<String, Integer> acw = new LinkedHashMap<>();
            conversationSummary.byMedia().forEach((media, summary) -> {
                if (summary != null && summary.contactCenter() != null) {
                    active.put(media, nonNegative(summary.contactCenter().active()));
                    acw.put(media, nonNegative(summary.contactCenter().acw()));
                }
            });
            return new WorkInHand(since, active, acw);
        }

        private static int nonNegative(Integer n) {
            return n == null || n < 0 ? 0 : n;
        }
    }

    /** {@code UserConversationSummary}. */
    public record ConversationSummary(MediaSummary call, MediaSummary callback, MediaSummary email, MediaSummary message,
                                      MediaSummary chat, MediaSummary socialExpression, MediaSummary video) {
        Map<String, MediaSummary> byMedia() {
            Map<String, MediaSummary> m = new LinkedHashMap<>();
            m.put("call", call);
            m.put("callback", callback);
            m.put("email", email);
            m.put("message", message);
            m.put("chat", chat);
            m.put("socialExpression", socialExpression);
            m.put("video", video);
            return m;
        }
    }

    /** {@code MediaSummary}. */
    public record MediaSummary(MediaSummaryDetail contactCenter, MediaSummaryDetail enterprise) {
    }

    /** {@code MediaSummaryDetail}. */
    public record MediaSummaryDetail(Integer active, Integer acw) {
    }
}
