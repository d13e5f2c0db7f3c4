package io.strata.gateway.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One usage event as a calling service reported it, after validation: every field is present and
 * within bounds. {@code identifiers} are the sensitive ones (an email, a phone number), still in
 * clear here: they are encrypted before anything leaves the gateway.
 */
public record UsageEventInput(String eventId, long timestampMillis, String accountId, String apiName, int statusCode,
		List<String> bundles, String requestId, long latencyMs, long bytes, String region, String plan,
		Map<String, String> identifiers) {

	public UsageEventInput {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(accountId, "accountId");
		Objects.requireNonNull(apiName, "apiName");
		bundles = List.copyOf(bundles);
		identifiers = identifiers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(identifiers));
	}

}
