package dev.prebreak.genesys.http;

import dev.prebreak.core.gateway.GatewayException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends one request until it gets an answer worth returning: paces API calls within the rate budget,
 * retries 429 (after its Retry-After), 502/503/504 and broken connections with jittered backoff,
 * bounded by the retry policy and by the caller's deadline. Every other answer, error or not, goes
 * back to the caller, which knows what it means.
 */
public final class Transport {
    private static final System.Logger LOG = System.getLogger(Transport.class.getName());

    private final HttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RetryPolicy retry;
    private final RatePacer pacer;
    private final Usage usage;
    private final Duration requestTimeout;
    private final GenesysTime genesysTime;

    public Transport(HttpClient http, Clock clock, Sleeper sleeper, RetryPolicy retry, RatePacer pacer, Usage usage,
                     Duration requestTimeout, GenesysTime genesysTime) {
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.usage = Objects.requireNonNull(usage, "usage");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.genesysTime = Objects.requireNonNull(genesysTime, "genesysTime");
    }

    public Clock clock() {
        return clock;
    }

    /** Sends {@code out}, retrying passing failures; gives up with a {@link GatewayException} at the deadline. */
    public Answer exchange(Outgoing out, Instant deadline) {
        for (int attempt = 1; ; attempt++) {
            if (out.paced()) {
                pause(pacer.delay(clock.instant()), deadline, out, "to stay within the rate budget");
            }
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                throw new RequestNotSent(out.call() + " not sent: the deadline " + deadline + " has passed");
            }
            HttpRequest request = request(out, now, deadline);
            usage.call();
            if (out.paced()) {
                pacer.sent(now);
            }
            Answer answer;
            long started = System.nanoTime();
            try {
                Instant sentAt = genesysTime.now();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                genesysTime.observe(sentAt, response.headers());
                answer = new Answer(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                String reason = "connection failed (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
                logCall(out, attempt, reason, started);
                usage.ended(out.method(), out.uri().getRawPath(), "none");
                Optional<String> tls = TlsMismatch.diagnose(out.uri(), e);
                if (tls.isPresent()) {
                    // Trying again cannot help: the endpoint does not speak TLS (or not in a way this machine trusts).
                    throw new RequestNotSent(out.call() + " failed: " + tls.get(), e);
                }
                if (!out.replaySafe() && !neverSent(e)) {
                    throw new GatewayException(out.call() + " failed: " + reason + " after the request may have been sent;"
                            + " not sent again, since it may have taken effect", e);
                }
                if (attempt >= retry.maxAttempts()) {
                    String message = out.call() + " failed: " + reason + "; gave up after " + attempt + " attempts";
                    // A write reaches here only if no attempt can have reached Genesys.
                    throw neverSent(e) ? new RequestNotSent(message, e) : new GatewayException(message, e);
                }
                retryAfter(retry.backoff(attempt), deadline, out, reason, attempt);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayException(out.call() + " was interrupted", e);
            }
            logCall(out, attempt, "HTTP " + answer.status(), started);
            usage.ended(out.method(), out.uri().getRawPath(), Integer.toString(answer.status()));
            if (out.paced()) {
                pacer.observe(clock.instant(), answer.headers());
            }
            int status = answer.status();
            if (status == 429) {
                usage.rateLimited();
            }
            if (!retriable(status) || (!out.replaySafe() && !notProcessed(status))) {
                return answer;
            }
            if (attempt >= retry.maxAttempts()) {
                throw Failures.of(out.call(), answer, " (gave up after " + attempt + " attempts)");
            }
            Duration wait = retry.backoff(attempt);
            if (status == 429) {
                Optional<Duration> asked = retryAfter(answer);
                if (asked.isPresent()) {
                    wait = asked.get();
                }
                if (out.paced()) {
                    pacer.pauseUntil(clock.instant().plus(wait));
                }
            }
            retryAfter(wait, deadline, out, "HTTP " + status, attempt);
        }
    }

    /** One line per attempt for --verbose: what was called, how it ended, how long it took. Never a header or body. */
    private static void logCall(Outgoing out, int attempt, String ended, long startedNanos) {
        LOG.log(System.Logger.Level.DEBUG, () -> {
            String call = out.call().length() > 160 ? out.call().substring(0, 157) + "..." : out.call();
            return call + " -> " + ended + " in " + (System.nanoTime() - startedNanos) / 1_000_000 + " ms"
                    + (attempt > 1 ? " (attempt " + attempt + ")" : "");
        });
    }

    private void retryAfter(Duration wait, Instant deadline, Outgoing out, String reason, int attempt) {
        LOG.log(System.Logger.Level.DEBUG, () -> out.call() + ": " + reason + " on attempt " + attempt
                + "; retrying in " + wait.toMillis() + " ms");
        pause(wait, deadline, out, "before retrying after " + reason);
        usage.retry();
    }

    private static boolean retriable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** Answers that say the request was not acted on, so even a write may be sent again. */
    private static boolean notProcessed(int status) {
        return status == 429 || status == 503;
    }

    /** Failures to connect at all: nothing reached the server. */
    private static boolean neverSent(IOException e) {
        return e instanceof java.net.ConnectException || e instanceof java.net.http.HttpConnectTimeoutException;
    }

    private void pause(Duration wait, Instant deadline, Outgoing out, String why) {
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        // A write waits only before its first attempt or after attempts Genesys did not act on (429, 503,
        // no connection): giving up here leaves it certainly not applied.
        Instant now = clock.instant();
        if (now.plus(wait).isAfter(deadline)) {
            throw new RequestNotSent(out.call() + " gave up: waiting " + wait.toMillis() + " ms " + why
                    + " would pass the deadline " + deadline);
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestNotSent(out.call() + " was interrupted while waiting " + why, e);
        }
    }

    private HttpRequest request(Outgoing out, Instant now, Instant deadline) {
        Duration timeout = requestTimeout;
        Duration left = Duration.between(now, deadline);
        if (left.compareTo(timeout) < 0) {
            timeout = left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(out.uri()).timeout(timeout)
                .header("Accept", "application/json");
        if (out.authorization() != null) {
            builder.header("Authorization", out.authorization());
        }
        if (out.body() != null) {
            builder.header("Content-Type", out.contentType() == null ? "application/json" : out.contentType());
            builder.method(out.method(), HttpRequest.BodyPublishers.ofByteArray(out.body()));
        } else {
            builder.method(out.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    /** Retry-After in seconds or as an HTTP date; absent or unreadable means "use the backoff". */
    static Optional<Duration> retryAfter(Answer answer, Instant now) {
        Optional<String> value = answer.header("Retry-After").map(String::trim);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get();
        if (text.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Optional<Duration> retryAfter(Answer answer) {
        return retryAfter(answer, clock.instant());
    }
}
