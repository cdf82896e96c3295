package dev.prebreak.genesys;

import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.core.schedule.Activity;
import dev.prebreak.core.schedule.AgentSchedule;
import dev.prebreak.genesys.http.ApiFailure;
import dev.prebreak.genesys.wire.ScheduleSearchAnswer;
import dev.prebreak.genesys.wire.ScheduleSearchRequest;
import dev.prebreak.genesys.wire.ScheduleSearchResult;
import dev.prebreak.genesys.wire.Wire;
import dev.prebreak.genesys.wire.WireTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The business-unit agent schedule search, in user batches, handling its three answers: the result
 * inline; a {@code downloadUrl} to fetch it from; or {@code Processing}, whose result would only come
 * on a notification topic (there is no polling endpoint), so the batch is split in half and searched
 * again, down to a floor, below which the search is reported as impossible.
 *
 * <p>Genesys does not document when a search goes asynchronous, so the batch size is learned: a
 * {@code Processing} answer halves the batches that follow and marks its size as too large; every
 * {@value #GROW_AFTER} inline answers in a row at the learned size grow it by a quarter, staying under
 * that mark, which is forgotten every {@value #FORGET_AFTER} inline answers in case Genesys was only
 * busy. A tick then pays for a split once, not once per batch.
 *
 * <p>Two behaviours Genesys leaves undocumented are handled whichever way Genesys goes:
 * <ul>
 * <li>Which shifts a search returns for its window: those overlapping it, or only those starting in it.
 * The search asks from {@link #LONGEST_SHIFT} before the window, so a shift that began that long ago and
 * still runs is found under either reading, then keeps the shifts that overlap the window asked for.</li>
 * <li>A search naming an agent who is not in the unit (left it, or a stale member list): Genesys may leave
 * them out, or answer 400 for the whole search. On a 400 the agents its body names are left out and the
 * rest searched again; a 400 that names nobody is narrowed down by halving, at most
 * {@value #MAX_NARROWING_SEARCHES} extra searches per batch. Agents left out have no schedule here (as when
 * Genesys leaves them out itself), and a warning names them.</li>
 * </ul>
 */
final class ScheduleSearch {
    private static final System.Logger LOG = System.getLogger(ScheduleSearch.class.getName());

    private final PlatformApi api;
    private final AgentNames names;
    private final int batchSize;
    private final int floor;
    private static final int GROW_AFTER = 10;
    /**
     * The longest a WFM shift can last, so the farthest back a shift still running can have started.
     * Assumed: Genesys documents no maximum, and a work plan places activities at most 23 h 55 min from a
     * shift's start or end (help.genesys.cloud, "Set up shift activities").
     */
    static final Duration LONGEST_SHIFT = Duration.ofHours(24);
    static final int MAX_NARROWING_SEARCHES = 24;
    private static final int FORGET_AFTER = 50;
    private int learned;
    private int tooLarge = Integer.MAX_VALUE;
    private int inlineAnswers;
    private int inlineStreak;

    /** @param names names the agents a search had to leave out, for the warning */
    ScheduleSearch(PlatformApi api, AgentNames names, int batchSize, int floor) {
        this.api = api;
        this.names = names;
        this.batchSize = batchSize;
        this.floor = floor;
        this.learned = batchSize;
    }

    /** The batch size searches start with now. */
    synchronized int batchSize() {
        return learned;
    }

    private synchronized void answeredInline(int size) {
        if (++inlineAnswers % FORGET_AFTER == 0) {
            tooLarge = Integer.MAX_VALUE;
        }
        if (size >= learned && ++inlineStreak >= GROW_AFTER) {
            learned = Math.max(floor, Math.min(Math.min(batchSize, tooLarge - 1), learned + Math.max(1, learned / 4)));
            inlineStreak = 0;
        }
    }

    private synchronized void wentAsynchronous(int size) {
        tooLarge = Math.min(tooLarge, size);
        learned = Math.max(floor, Math.min(learned, (size + 1) / 2));
        inlineAnswers = 0;
        inlineStreak = 0;
    }

    /** What one search answered, already mapped; {@code schedules} is null unless Complete inline. */
    private record Outcome(ScheduleSearchAnswer.Status status, String operationId, List<AgentSchedule> schedules,
                           String downloadUrl) {
    }

    /** One search's window, as asked for and as sent. */
    private record Window(Instant from, Instant to, Instant searchFrom) {
    }

    /** Agents Genesys refused to search in one batch, and how many narrowing searches are left. */
    private static final class Refusals {
        final List<String> named = new ArrayList<>();
        final List<String> unnamed = new ArrayList<>();
        int searchesLeft = MAX_NARROWING_SEARCHES;
        ApiFailure first;
    }

    List<AgentSchedule> search(String businessUnitId, Collection<String> userIds, Instant from, Instant to,
                               Instant deadline) {
        List<String> ids = Batches.distinct(userIds);
        if (ids.isEmpty()) {
            return List.of();
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("schedule window is empty: " + from + " .. " + to);
        }
        Window window = new Window(from, to, from.minus(LONGEST_SHIFT));
        Map<String, List<Activity>> byUser = new LinkedHashMap<>();
        List<String> leftOut = new ArrayList<>();
        for (int i = 0; i < ids.size(); ) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + batchSize()));
            Refusals refusals = new Refusals();
            searchBatch(businessUnitId, batch, window, deadline, byUser, refusals);
            if (refusals.named.isEmpty() && !refusals.unnamed.isEmpty() && refusals.unnamed.size() == batch.size()) {
                // Genesys refused every agent without naming one: the 400 is about the search, not its members.
                throw refusals.first;
            }
            leftOut.addAll(refusals.named);
            leftOut.addAll(refusals.unnamed);
            i += batch.size();
        }
        if (!leftOut.isEmpty()) {
            warnLeftOut(businessUnitId, leftOut, deadline);
        }
        List<AgentSchedule> schedules = new ArrayList<>(byUser.size());
        byUser.forEach((user, activities) -> schedules.add(new AgentSchedule(user, activities)));
        return schedules;
    }

    private void searchBatch(String businessUnitId, List<String> batch, Window window, Instant deadline,
                             Map<String, List<Activity>> byUser, Refusals refusals) {
        String path = "/api/v2/workforcemanagement/businessunits/" + PlatformApi.segment(businessUnitId)
                + "/agentschedules/search";
        ScheduleSearchRequest request = new ScheduleSearchRequest(WireTime.format(window.searchFrom()),
                WireTime.format(window.to()), batch);
        Outcome outcome;
        try {
            outcome = api.send("POST", path, request, deadline, body -> {
                ScheduleSearchAnswer answer = Wire.read(body, ScheduleSearchAnswer.class);
                ScheduleSearchAnswer.Status status = answer.parsedStatus();
                List<AgentSchedule> inline = status == ScheduleSearchAnswer.Status.COMPLETE && answer.result() != null
                        ? answer.result().toCore(window.from(), window.to()) : null;
                return new Outcome(status, answer.operationId(), inline, answer.downloadUrl());
            });
        } catch (ApiFailure e) {
            if (e.status() != 400) {
                throw e;
            }
            searchWithoutRefused(businessUnitId, batch, window, deadline, byUser, refusals, e);
            return;
        }
        String what = "schedule search of business unit " + businessUnitId;
        switch (outcome.status()) {
            case COMPLETE -> {
                answeredInline(batch.size());
                if (outcome.schedules() != null) {
                    merge(outcome.schedules(), byUser);
                } else if (outcome.downloadUrl() != null && !outcome.downloadUrl().isBlank()) {
                    merge(api.download(what, outcome.downloadUrl(), deadline,
                            body -> downloaded(body, window.from(), window.to())), byUser);
                } else {
                    throw new GatewayException("POST " + path + " answered Complete with neither a result nor a downloadUrl"
                            + " (operation id " + outcome.operationId() + ")");
                }
            }
            case PROCESSING -> {
                if (batch.size() <= floor) {
                    throw new GatewayException(what + " went asynchronous (Processing, operation id "
                            + outcome.operationId() + ") even for " + batch.size() + " users, the smallest batch allowed ("
                            + floor + "); Genesys offers no way to poll for that result, so these schedules cannot be read"
                            + " now: shorten the schedule window or retry later");
                }
                LOG.log(System.Logger.Level.DEBUG, () -> what + " went asynchronous for " + batch.size()
                        + " users; splitting the batch");
                int half = (batch.size() + 1) / 2;
                wentAsynchronous(batch.size());
                searchBatch(businessUnitId, batch.subList(0, half), window, deadline, byUser, refusals);
                searchBatch(businessUnitId, batch.subList(half, batch.size()), window, deadline, byUser, refusals);
            }
            case CANCELED, ERROR -> throw new GatewayException(what + " answered status "
                    + (outcome.status() == ScheduleSearchAnswer.Status.ERROR ? "Error" : "Canceled")
                    + " (operation id " + outcome.operationId() + ") for " + batch.size() + " users");
        }
    }

    /**
     * The downloaded document is documented as the {@code result} shape; a full search answer
     * wrapping it is accepted too, since the exact shape was never observed.
     */
    private static List<AgentSchedule> downloaded(byte[] body, Instant from, Instant to) {
        ScheduleSearchResult result = Wire.read(body, ScheduleSearchResult.class);
        if (result.agentSchedules().isEmpty()) {
            ScheduleSearchAnswer wrapped = Wire.read(body, ScheduleSearchAnswer.class);
            if (wrapped.result() != null) {
                return wrapped.result().toCore(from, to);
            }
        }
        return result.toCore(from, to);
    }

    /**
     * After a 400: leaves out the agents the answer names and searches the rest again; when it names none,
     * halves the batch to find who it is about, within the narrowing budget.
     */
    private void searchWithoutRefused(String businessUnitId, List<String> batch, Window window, Instant deadline,
                                      Map<String, List<Activity>> byUser, Refusals refusals, ApiFailure refusal) {
        if (refusals.first == null) {
            refusals.first = refusal;
        }
        List<String> named = batch.stream().filter(id -> refusal.answer().contains(id)).toList();
        if (!named.isEmpty()) {
            refusals.named.addAll(named);
            List<String> rest = batch.stream().filter(id -> !named.contains(id)).toList();
            if (!rest.isEmpty()) {
                searchBatch(businessUnitId, rest, window, deadline, byUser, refusals);
            }
        } else if (batch.size() == 1) {
            refusals.unnamed.add(batch.get(0));
        } else if (refusals.searchesLeft >= 2) {
            refusals.searchesLeft -= 2;
            int half = (batch.size() + 1) / 2;
            searchBatch(businessUnitId, batch.subList(0, half), window, deadline, byUser, refusals);
            searchBatch(businessUnitId, batch.subList(half, batch.size()), window, deadline, byUser, refusals);
        } else {
            throw new ApiFailure(refusal.getMessage() + "; the answer names none of the " + batch.size()
                    + " agents searched, and " + MAX_NARROWING_SEARCHES + " narrowing searches did not find whom it"
                    + " refuses", refusal.status(), refusal.code().orElse(null), refusal.answer());
        }
    }

    /** Names the agents left out, as far as their names can be read: people look for them in Genesys by name. */
    private void warnLeftOut(String businessUnitId, List<String> leftOut, Instant deadline) {
        Map<String, String> known;
        try {
            known = names.read(leftOut, deadline);
        } catch (RuntimeException e) {
            known = Map.of();
        }
        Map<String, String> named = known;
        String who = leftOut.stream().map(id -> named.containsKey(id) ? named.get(id) + " (" + id + ")" : id)
                .collect(java.util.stream.Collectors.joining(", "));
        LOG.log(System.Logger.Level.WARNING, () -> "business unit " + businessUnitId + ": Genesys refused to search the"
                + " schedules of " + leftOut.size() + " agent(s) not in the unit (moved or left?): " + who
                + "; searched without them, so they have no schedule here");
    }

    private static void merge(List<AgentSchedule> schedules, Map<String, List<Activity>> byUser) {
        for (AgentSchedule schedule : schedules) {
            byUser.computeIfAbsent(schedule.userId(), k -> new ArrayList<>()).addAll(schedule.activities());
        }
    }
}
