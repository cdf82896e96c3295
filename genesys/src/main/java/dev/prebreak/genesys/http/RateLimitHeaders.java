package dev.prebreak.genesys.http;

/**
 * The {@code inin-ratelimit-*} headers of one answer: the budget Genesys allows, how much of it is
 * used, and when it starts over.
 *
 * @param resetSeconds seconds until the count starts over, as the answer said
 */
public record RateLimitHeaders(long allowed, long count, long resetSeconds) {
}
