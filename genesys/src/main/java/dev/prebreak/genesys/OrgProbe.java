package dev.prebreak.genesys;

import dev.prebreak.core.config.Region;
import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.genesys.auth.AccessToken;
import dev.prebreak.genesys.auth.TokenSource;
import dev.prebreak.genesys.http.ApiFailure;
import dev.prebreak.genesys.http.RateLimitHeaders;
import dev.prebreak.genesys.http.RatePacer;
import dev.prebreak.genesys.wire.PresenceWrite;
import dev.prebreak.genesys.wire.ScheduleSearchAnswer;
import dev.prebreak.genesys.wire.ScheduleSearchRequest;
import dev.prebreak.genesys.wire.ScheduleSearchResult;
import dev.prebreak.genesys.wire.Wire;
import dev.prebreak.genesys.wire.WireTime;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code prebreak doctor} asks Genesys beyond what a tick reads, each call proving one thing: that
 * the login works and for how long a token lives, that the OAuth client may set presences (without
 * setting any), which shape a schedule search answers in, and the rate-limit headers Genesys sends.
 * Read-only: nothing here changes the org. Failures come as {@link GatewayException}s, an
 * {@link ApiFailure} where Genesys answered with an error status.
 */
public final class OrgProbe {
    private static final String PRESENCE_WRITE = "/api/v2/users/presences/bulk";

    private final GenesysClient client;
    private final PlatformApi api;
    private final TokenSource tokens;
    private final RatePacer pacer;
    private final Region region;

    OrgProbe(GenesysClient client, PlatformApi api, TokenSource tokens, RatePacer pacer, Region region) {
        this.client = client;
        this.api = api;
        this.tokens = tokens;
        this.pacer = pacer;
        this.region = region;
    }

    /** Where a login went and how long its token lives. */
    public record Login(URI tokenUri, URI apiBase, Duration tokenLifetime) {
    }

    /** How one schedule search answered: inline, with a download URL, or asynchronously (Processing). */
    public enum SearchShape { INLINE, DOWNLOAD, PROCESSING }

    /** A schedule search's shape and, unless it went asynchronous, how many agents had a shift in the window. */
    public record SearchAnswer(SearchShape shape, int agentsWithShifts) {
    }

    /** Logs in afresh (a token cached from earlier calls is not proof) and tells how long the token lives. */
    public Login login() {
        AccessToken token = tokens.renew(Instant.MAX);
        return new Login(region.tokenUri(), region.apiBase(), token.lifetime());
    }

    /**
     * Proves the permission to set presences without setting one: the bulk write with an empty list.
     * Genesys checks the permission before the body, so a missing permission answers 403, and with it the
     * empty list is accepted or refused as a bad request; either way nobody's presence changes.
     *
     * @throws ApiFailure with status 403 when the permission is missing (other failures as they come)
     */
    public void presenceWriteAllowed() {
        try {
            api.change("PUT", PRESENCE_WRITE, List.<PresenceWrite>of(), Instant.MAX, body -> body);
        } catch (ApiFailure e) {
            if (e.status() != 400) {
                throw e;
            }
        }
    }

    /** The org's deactivated presence definitions, to tell "deactivated" from "does not exist". */
    public List<PresenceDefinition> deactivatedPresences() {
        return client.definitions(true);
    }

    /**
     * One schedule search of {@code userIds} over [{@code from}, {@code to}), telling how Genesys answered;
     * with {@code forceDownload} Genesys is asked to answer through its download path
     * ({@code forceDownloadService=true}), which must parse the same.
     */
    public SearchAnswer searchSchedules(String businessUnitId, List<String> userIds, Instant from, Instant to,
                                        boolean forceDownload) {
        String path = "/api/v2/workforcemanagement/businessunits/" + PlatformApi.segment(businessUnitId)
                + "/agentschedules/search" + (forceDownload ? "?forceDownloadService=true" : "");
        ScheduleSearchAnswer answer = api.send("POST", path,
                new ScheduleSearchRequest(WireTime.format(from), WireTime.format(to), userIds), Instant.MAX,
                body -> Wire.read(body, ScheduleSearchAnswer.class));
        ScheduleSearchAnswer.Status status = answer.parsedStatus();
        if (status == ScheduleSearchAnswer.Status.PROCESSING) {
            return new SearchAnswer(SearchShape.PROCESSING, 0);
        }
        if (status != ScheduleSearchAnswer.Status.COMPLETE) {
            throw new GatewayException("POST " + path + " answered status " + answer.status() + " (operation id "
                    + answer.operationId() + ")");
        }
        if (answer.result() != null) {
            return new SearchAnswer(SearchShape.INLINE, withShifts(answer.result(), from, to));
        }
        if (answer.downloadUrl() == null || answer.downloadUrl().isBlank()) {
            throw new GatewayException("POST " + path + " answered Complete with neither a result nor a downloadUrl");
        }
        ScheduleSearchResult result = api.download("schedule search of business unit " + businessUnitId,
                answer.downloadUrl(), Instant.MAX, body -> Wire.read(body, ScheduleSearchResult.class));
        return new SearchAnswer(SearchShape.DOWNLOAD, withShifts(result, from, to));
    }

    private static int withShifts(ScheduleSearchResult result, Instant from, Instant to) {
        return (int) result.toCore(from, to).stream().filter(s -> !s.activities().isEmpty()).count();
    }

    /** The rate-limit headers of the latest answer that carried them. */
    public Optional<RateLimitHeaders> rateLimits() {
        return pacer.lastSeen();
    }
}
