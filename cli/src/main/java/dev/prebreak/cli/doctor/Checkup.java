package dev.prebreak.cli.doctor;

import dev.prebreak.core.config.Config;
import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.genesys.GenesysClient;
import dev.prebreak.genesys.OrgProbe;
import dev.prebreak.genesys.Permission;
import dev.prebreak.genesys.http.RateLimitHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code prebreak doctor} checks, in the order an admin fixes things: login, permissions (each
 * proved by the call that needs it), the rules' presences, the units and their schedules and activity
 * codes, both shapes of a schedule search, the clock and the rate limit. Reads only.
 */
final class Checkup {
    private final Config config;
    private final GenesysClient client;
    private final OrgProbe probe;
    private final Instant now;

    Checkup(Config config, GenesysClient client, Instant now) {
        this.config = config;
        this.client = client;
        this.probe = client.probe();
        this.now = now;
    }

    List<Check> run() {
        List<Check> checks = new ArrayList<>();
        Optional<Check> login = login();
        if (login.isPresent() && login.get().verdict() == Verdict.PROBLEM) {
            checks.add(login.get());
            return checks; // nothing else can be asked without a token
        }
        login.ifPresent(checks::add);

        List<PresenceDefinition> active = null;
        try {
            active = client.presenceDefinitions();
            checks.add(Check.ok(permission(Permission.PRESENCE_DEFINITIONS), "GET /api/v2/presence/definitions answered: "
                    + active.size() + " active presences"));
        } catch (GatewayException e) {
            checks.add(Refusal.of(permission(Permission.PRESENCE_DEFINITIONS), e, Permission.PRESENCE_DEFINITIONS, ""));
        }
        try {
            probe.presenceWriteAllowed();
            checks.add(Check.ok(permission(Permission.PRESENCE_WRITES), "PUT /api/v2/users/presences/bulk with no"
                    + " presence in it was let through (nobody's presence changed)"));
        } catch (GatewayException e) {
            checks.add(Refusal.of(permission(Permission.PRESENCE_WRITES), e, Permission.PRESENCE_WRITES, ""));
        }
        UnitChecks units = new UnitChecks(config, client, now);
        List<Check> unitChecks = units.check();
        checks.add(schedulePermission(units));

        if (active != null) {
            List<PresenceDefinition> deactivated = List.of();
            try {
                deactivated = probe.deactivatedPresences();
            } catch (GatewayException e) {
                // Only sharpens a message ("deactivated" rather than "no such presence"): not a check of its own.
            }
            checks.addAll(new RulePresences(active, deactivated).check(config.rules()));
        } else {
            checks.add(Check.problem("rules' presences", "not checked: the presence definitions could not be read",
                    "fix the presence:presenceDefinition:view line above first"));
        }
        checks.addAll(unitChecks);
        units.units().stream().findFirst().ifPresent(unit -> checks.add(searchShapes(unit)));
        checks.add(clock());
        checks.add(rateLimits());
        return checks;
    }

    private Optional<Check> login() {
        try {
            OrgProbe.Login login = probe.login();
            Duration life = login.tokenLifetime();
            return Optional.of(Check.ok("login", login.tokenUri() + " gave a token for " + config.genesys().region()
                    + " (API " + login.apiBase() + "); tokens live " + life.toSeconds() + " s ("
                    + hours(life) + "), renewed by prebreak before they expire"));
        } catch (GatewayException e) {
            return Optional.of(Check.problem("login", e.getMessage(), "check genesys.region, genesys.clientId and the"
                    + " client secret, and that the OAuth client uses the Client Credentials grant"));
        }
    }

    private static String hours(Duration d) {
        long minutes = d.toMinutes();
        return minutes >= 60 ? minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min") : minutes + " min";
    }

    private Check schedulePermission(UnitChecks units) {
        String subject = permission(Permission.PUBLISHED_SCHEDULES);
        if (units.scheduleRefusal().isPresent()) {
            return Check.problem(subject, "Genesys refused for want of a permission: "
                    + units.scheduleRefusal().get().getMessage(), Refusal.addPermission(Permission.PUBLISHED_SCHEDULES));
        }
        return units.scheduleProof().map(proof -> Check.ok(subject, proof))
                .orElseGet(() -> Check.note(subject, "not proved: no unit in scope could be searched",
                        "fix the units below, then run doctor again"));
    }

    private Check searchShapes(UnitChecks.Unit unit) {
        String subject = "schedule search answers";
        List<String> some = unit.agents().subList(0, Math.min(50, unit.agents().size()));
        try {
            OrgProbe.SearchAnswer inline = probe.searchSchedules(unit.businessUnit().id(), some, unit.dayStart(),
                    unit.dayEnd(), false);
            OrgProbe.SearchAnswer download = probe.searchSchedules(unit.businessUnit().id(), some, unit.dayStart(),
                    unit.dayEnd(), true);
            String found = "for " + some.size() + " agents of " + unit.businessUnit().name() + ": answered "
                    + shape(inline) + "; with forceDownloadService " + shape(download);
            if (inline.shape() == OrgProbe.SearchShape.PROCESSING || download.shape() == OrgProbe.SearchShape.PROCESSING) {
                return Check.note(subject, found, "nothing to do: prebreak splits a search that goes asynchronous");
            }
            if (inline.agentsWithShifts() != download.agentsWithShifts()) {
                return Check.problem(subject, found + ": the two answers disagree",
                        "report this with the output of prebreak doctor --json --verbose");
            }
            return Check.ok(subject, found + ": both parse and agree");
        } catch (GatewayException e) {
            return Check.problem(subject, e.getMessage(), "run prebreak doctor --verbose to see the calls");
        }
    }

    private static String shape(OrgProbe.SearchAnswer answer) {
        return switch (answer.shape()) {
            case INLINE -> "inline (" + answer.agentsWithShifts() + " with shifts)";
            case DOWNLOAD -> "through the download URL (" + answer.agentsWithShifts() + " with shifts)";
            case PROCESSING -> "asynchronously (Processing)";
        };
    }

    private Check clock() {
        Optional<Duration> offset = client.clockOffset();
        if (offset.isEmpty()) {
            return Check.note("clock", "no Date header seen in Genesys' answers, so the clocks were not compared", "");
        }
        Duration off = offset.get().abs();
        String found = "this machine's clock is " + off.toSeconds() + " s " + (offset.get().isNegative() ? "ahead of" : "behind")
                + " Genesys' (maxClockSkew " + config.maxClockSkew().toSeconds() + " s)";
        if (off.compareTo(config.maxClockSkew()) > 0) {
            return Check.problem("clock", found + ": prebreak would write nothing", "synchronise this machine's clock (NTP)");
        }
        return Check.ok("clock", found);
    }

    private Check rateLimits() {
        Optional<RateLimitHeaders> seen = probe.rateLimits();
        long throttled = client.usage().rateLimited();
        if (seen.isEmpty()) {
            return Check.note("rate limit", "no inin-ratelimit-* headers seen; prebreak paces itself at 300 calls a minute",
                    "");
        }
        RateLimitHeaders h = seen.get();
        String found = "inin-ratelimit-allowed " + h.allowed() + ", count " + h.count() + ", reset in " + h.resetSeconds()
                + " s" + (throttled > 0 ? "; " + throttled + " answers were 429" : "; no 429 seen");
        if (h.allowed() > 0 && h.allowed() < 300) {
            return Check.note("rate limit", found, "this client may make fewer than the 300 calls a minute prebreak"
                    + " paces itself at; it follows these headers, but large units will take longer to read");
        }
        return Check.ok("rate limit", found);
    }

    private static String permission(Permission p) {
        return "permission " + p.name();
    }
}
