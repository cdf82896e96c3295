package dev.prebreak.genesys;

import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.core.schedule.Activity;
import dev.prebreak.core.schedule.AgentSchedule;
import dev.prebreak.genesys.wire.ScheduleSearchAnswer;
import dev.prebreak.genesys.wire.ScheduleSearchRequest;
import dev.prebreak.genesys.wire.ScheduleSearchResult;
import dev.prebreak.genesys.wire.Wire;
import dev.prebreak.genesys.wire.WireTime;
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
 */
final class ScheduleSearch {
    private static final System.Logger LOG = System.getLogger(ScheduleSearch.class.getName());

    private final PlatformApi api;
    private final int batchSize;
    private final int floor;
    private static final int GROW_AFTER = 10;
    private static final int FORGET_AFTER = 50;
    private int learned;
    private int tooLarge = Integer.MAX_VALUE;
    private int inlineAnswers;
    private int inlineStreak;

    ScheduleSearch(PlatformApi api, int batchSize, int floor) {
        this.api = api;
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

    List<AgentSchedule> search(String businessUnitId, Collection<String> userIds, Instant from, Instant to,
                               Instant deadline) {
        List<String> ids = Batches.distinct(userIds);
        if (ids.isEmpty()) {
            return List.of();
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("schedule window is empty: " + from + " .. " + to);
        }
        Map<String, List<Activity>> byUser = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); ) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + batchSize()));
            searchBatch(businessUnitId, batch, from, to, deadline, byUser);
            i += batch.size();
        }
        List<AgentSchedule> schedules = new ArrayList<>(byUser.size());
        byUser.forEach((user, activities) -> schedules.add(new AgentSchedule(user, activities)));
        return schedules;
    }

    private void searchBatch(String businessUnitId, List<String> batch, Instant from, Instant to, Instant deadline,
                             Map<String, List<Activity>> byUser) {
        String path = "/api/v2/workforcemanagement/businessunits/" + PlatformApi.segment(businessUnitId)
                + "/agentschedules/search";
        ScheduleSearchRequest request = new ScheduleSearchRequest(WireTime.format(from), WireTime.format(to), batch);
        Outcome outcome = api.send("POST", path, request, deadline, body -> {
            ScheduleSearchAnswer answer = Wire.read(body, ScheduleSearchAnswer.class);
            ScheduleSearchAnswer.Status status = answer.parsedStatus();
            List<AgentSchedule> inline = status == ScheduleSearchAnswer.Status.COMPLETE && answer.result() != null
                    ? answer.result().toCore() : null;
            return new Outcome(status, answer.operationId(), inline, answer.downloadUrl());
        });
        String what = "schedule search of business unit " + businessUnitId;
        switch (outcome.status()) {
            case COMPLETE -> {
                answeredInline(batch.size());
                if (outcome.schedules() != null) {
                    merge(outcome.schedules(), byUser);
                } else if (outcome.downloadUrl() != null && !outcome.downloadUrl().isBlank()) {
                    merge(api.download(what, outcome.downloadUrl(), deadline, ScheduleSearch::downloaded), byUser);
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
                searchBatch(businessUnitId, batch.subList(0, half), from, to, deadline, byUser);
                searchBatch(businessUnitId, batch.subList(half, batch.size()), from, to, deadline, byUser);
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
    private static List<AgentSchedule> downloaded(byte[] body) {
        ScheduleSearchResult result = Wire.read(body, ScheduleSearchResult.class);
        if (result.agentSchedules().isEmpty()) {
            ScheduleSearchAnswer wrapped = Wire.read(body, ScheduleSearchAnswer.class);
            if (wrapped.result() != null) {
                return wrapped.result().toCore();
            }
        }
        return result.toCore();
    }

    private static void merge(List<AgentSchedule> schedules, Map<String, List<Activity>> byUser) {
        for (AgentSchedule schedule : schedules) {
            byUser.computeIfAbsent(schedule.userId(), k -> new ArrayList<>()).addAll(schedule.activities());
        }
    }
}
