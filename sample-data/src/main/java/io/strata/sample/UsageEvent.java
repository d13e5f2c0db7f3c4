package io.strata.sample;

import java.util.List;
import java.util.Objects;

/**
 * One API call as the usage gateway records it.
 *
 * @param eventId UUID-shaped id, unique per event
 * @param timestampMillis when the call was made, epoch milliseconds UTC
 * @param accountId calling account, {@code acct-NNNNN}
 * @param apiName called API, e.g. {@code person.enrich}
 * @param statusCode HTTP status returned
 * @param bundles insights bundles returned, distinct and sorted; empty unless the call succeeded
 * @param source {@code api} for interactive calls, {@code batch} for bulk jobs
 * @param region the account's home region that served the call
 * @param plan the account's plan
 * @param userId end user of the account who made the call
 * @param latencyMs server-side latency
 * @param bytes response size
 */
public record UsageEvent(String eventId, long timestampMillis, String accountId, String apiName, int statusCode,
        List<String> bundles, String source, String region, String plan, String userId, long latencyMs, long bytes) {

    public UsageEvent {
        Objects.requireNonNull(eventId, "eventId is null");
        Objects.requireNonNull(accountId, "accountId is null");
        Objects.requireNonNull(apiName, "apiName is null");
        // The generator passes lists that are already immutable, for which copyOf returns its argument.
        bundles = List.copyOf(Objects.requireNonNull(bundles, "bundles is null"));
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(region, "region is null");
        Objects.requireNonNull(plan, "plan is null");
        Objects.requireNonNull(userId, "userId is null");
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs[%d] must not be negative".formatted(latencyMs));
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes[%d] must not be negative".formatted(bytes));
        }
    }
}
