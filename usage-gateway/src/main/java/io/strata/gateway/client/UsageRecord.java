package io.strata.gateway.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One API call as a calling service reports it: the fields {@code POST /v1/usage/events} takes.
 * The gateway validates them (lengths, the timestamp's skew, the account id's characters); here
 * only what no request could ever carry is refused. Build one with {@link #builder}, which gives a
 * random {@code eventId} (what makes a resent event recognisable downstream) and the current time.
 * @param eventId unique per call; a retried batch carries the same ids
 * @param timestamp when the call was made
 * @param accountId the calling account
 * @param apiName the API called; the client's token must be allowed to report it
 * @param statusCode the HTTP status the API answered, 100 to 599
 * @param bundles the insights bundles returned, in the order given
 * @param requestId the API's own request id, or null
 * @param latencyMs how long the call took, 0 when not measured
 * @param bytes the response size, 0 when not measured
 * @param region the region that served the call, or null
 * @param plan the account's plan, or null
 * @param identifiers the sensitive identifiers the call resolved (an email, a phone number), sent
 * to the gateway, which encrypts them before they go anywhere else; sorted by name
 */
public record UsageRecord(String eventId, Instant timestamp, String accountId, String apiName, int statusCode,
		List<String> bundles, String requestId, long latencyMs, long bytes, String region, String plan,
		Map<String, String> identifiers) {

	public UsageRecord {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(timestamp, "timestamp");
		Objects.requireNonNull(accountId, "accountId");
		Objects.requireNonNull(apiName, "apiName");
		if (statusCode < 100 || statusCode > 599) {
			throw new IllegalArgumentException("statusCode[" + statusCode + "] must be between 100 and 599");
		}
		if (latencyMs < 0 || bytes < 0) {
			throw new IllegalArgumentException(
					"latencyMs[" + latencyMs + "] and bytes[" + bytes + "] must not be negative");
		}
		bundles = List.copyOf(bundles == null ? List.of() : bundles);
		// sorted, so that the JSON sent is the same for equal records
		identifiers = identifiers == null || identifiers.isEmpty() ? Map.of()
				: Collections.unmodifiableMap(new TreeMap<>(identifiers));
	}

	/** A record of a call to {@code apiName} by {@code accountId}, made now, with a random event id. */
	public static Builder builder(String accountId, String apiName, int statusCode) {
		return new Builder(accountId, apiName, statusCode);
	}

	/** Collects the optional fields; {@link #build()} checks them. Not thread-safe. */
	public static final class Builder {

		private final String accountId;

		private final String apiName;

		private final int statusCode;

		private String eventId;

		private Instant timestamp;

		private final List<String> bundles = new ArrayList<>();

		private String requestId;

		private long latencyMs;

		private long bytes;

		private String region;

		private String plan;

		private final Map<String, String> identifiers = new TreeMap<>();

		private Builder(String accountId, String apiName, int statusCode) {
			this.accountId = accountId;
			this.apiName = apiName;
			this.statusCode = statusCode;
		}

		public Builder eventId(String eventId) {
			this.eventId = eventId;
			return this;
		}

		public Builder timestamp(Instant timestamp) {
			this.timestamp = timestamp;
			return this;
		}

		public Builder bundles(List<String> bundles) {
			this.bundles.clear();
			this.bundles.addAll(bundles);
			return this;
		}

		public Builder requestId(String requestId) {
			this.requestId = requestId;
			return this;
		}

		public Builder latencyMs(long latencyMs) {
			this.latencyMs = latencyMs;
			return this;
		}

		public Builder bytes(long bytes) {
			this.bytes = bytes;
			return this;
		}

		public Builder region(String region) {
			this.region = region;
			return this;
		}

		public Builder plan(String plan) {
			this.plan = plan;
			return this;
		}

		public Builder identifier(String name, String value) {
			this.identifiers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
			return this;
		}

		public UsageRecord build() {
			return new UsageRecord(this.eventId != null ? this.eventId : UUID.randomUUID().toString(),
					this.timestamp != null ? this.timestamp : Instant.now(), this.accountId, this.apiName,
					this.statusCode, this.bundles, this.requestId, this.latencyMs, this.bytes, this.region,
					this.plan, this.identifiers);
		}

	}

}
