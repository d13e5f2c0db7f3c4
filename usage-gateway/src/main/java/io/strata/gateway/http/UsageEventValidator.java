package io.strata.gateway.http;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Checks the events of a request, all of them, so that one answer names every bad field of every
 * bad event. Rules: required {@code accountId} (letters, digits, {@code . _ -}, up to 64),
 * {@code apiName} (up to 128), {@code statusCode} (100-599), {@code timestamp} (ISO-8601 or epoch
 * millis, no older than {@code maxAge}, no further ahead than {@code maxFutureSkew}); optional
 * {@code eventId} (up to 128; one is generated when absent), {@code bundles} (up to 32 names),
 * {@code requestId}, {@code latencyMs} and {@code bytes} (whole, not negative), {@code region},
 * {@code plan}, {@code identifiers} (up to 8 string values, the sensitive ones). Unknown fields are
 * errors: a misspelt field would otherwise be lost without a word. Thread-safe.
 */
public final class UsageEventValidator {

	/** What a request turned into: the events that passed and every problem of those that did not. */
	public record Result(List<UsageEventInput> valid, List<FieldError> errors) {

		public Result {
			valid = List.copyOf(valid);
			errors = List.copyOf(errors);
		}

	}

	private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final Set<String> FIELDS = Set.of("eventId", "timestamp", "accountId", "apiName", "statusCode",
			"bundles", "requestId", "latencyMs", "bytes", "region", "plan", "identifiers");

	private final Duration maxAge;

	private final Duration maxFutureSkew;

	private final LongSupplier clock;

	public UsageEventValidator(Duration maxAge, Duration maxFutureSkew, LongSupplier clock) {
		this.maxAge = maxAge;
		this.maxFutureSkew = maxFutureSkew;
		this.clock = clock;
	}

	/** Validates one event (a JSON object) or several (a JSON array of objects). */
	public Result validate(JsonNode body) {
		List<UsageEventInput> valid = new ArrayList<>();
		List<FieldError> errors = new ArrayList<>();
		if (body.isArray()) {
			if (body.isEmpty()) {
				errors.add(new FieldError(0, "", "the request holds no event"));
			}
			for (int i = 0; i < body.size(); i++) {
				check(body.get(i), i, valid, errors);
			}
		}
		else {
			check(body, 0, valid, errors);
		}
		return new Result(valid, errors);
	}

	private void check(JsonNode event, int index, List<UsageEventInput> valid, List<FieldError> errors) {
		if (!event.isObject()) {
			errors.add(new FieldError(index, "", "an event must be a JSON object"));
			return;
		}
		Checker c = new Checker(index, errors);
		for (String name : event.propertyNames()) {
			if (!FIELDS.contains(name)) {
				c.error(name, "is not a field of a usage event");
			}
		}
		String accountId = c.string(event, "accountId", true, 64);
		if (accountId != null && !ACCOUNT_ID.matcher(accountId).matches()) {
			c.error("accountId", "may hold only letters, digits, '.', '_' and '-'");
		}
		String apiName = c.string(event, "apiName", true, 128);
		long statusCode = c.whole(event, "statusCode", true, 100, 599, 0);
		long timestamp = timestamp(event, c);
		String eventId = c.string(event, "eventId", false, 128);
		List<String> bundles = bundles(event, c);
		String requestId = c.string(event, "requestId", false, 128);
		long latencyMs = c.whole(event, "latencyMs", false, 0, 86_400_000L, 0);
		long bytes = c.whole(event, "bytes", false, 0, Long.MAX_VALUE, 0);
		String region = c.string(event, "region", false, 64);
		String plan = c.string(event, "plan", false, 64);
		Map<String, String> identifiers = identifiers(event, c);
		if (!c.failed) {
			valid.add(new UsageEventInput(eventId != null ? eventId : UUID.randomUUID().toString(), timestamp,
					accountId, apiName, (int) statusCode, bundles, requestId, latencyMs, bytes, region, plan,
					identifiers));
		}
	}

	private long timestamp(JsonNode event, Checker c) {
		JsonNode value = event.get("timestamp");
		if (value == null || value.isNull()) {
			c.error("timestamp", "is required");
			return 0;
		}
		long millis;
		if (value.isIntegralNumber()) {
			millis = value.asLong();
		}
		else if (value.isString()) {
			try {
				millis = Instant.parse(value.asString()).toEpochMilli();
			}
			catch (DateTimeParseException ex) {
				c.error("timestamp", "must be an ISO-8601 instant (2026-12-07T10:15:30Z) or epoch milliseconds");
				return 0;
			}
		}
		else {
			c.error("timestamp", "must be an ISO-8601 instant or epoch milliseconds");
			return 0;
		}
		long now = this.clock.getAsLong();
		if (millis < now - this.maxAge.toMillis()) {
			c.error("timestamp", "is older than the " + this.maxAge.toDays() + " days accepted");
		}
		else if (millis > now + this.maxFutureSkew.toMillis()) {
			c.error("timestamp", "is more than " + this.maxFutureSkew.toSeconds() + " s ahead of the gateway's clock");
		}
		return millis;
	}

	private static List<String> bundles(JsonNode event, Checker c) {
		JsonNode value = event.get("bundles");
		List<String> bundles = new ArrayList<>();
		if (value == null || value.isNull()) {
			return bundles;
		}
		if (!value.isArray()) {
			c.error("bundles", "must be an array of bundle names");
			return bundles;
		}
		if (value.size() > 32) {
			c.error("bundles", "holds " + value.size() + " names; at most 32 are accepted");
		}
		for (int i = 0; i < value.size(); i++) {
			JsonNode bundle = value.get(i);
			if (!bundle.isString() || bundle.asString().isEmpty() || bundle.asString().length() > 64) {
				c.error("bundles[" + i + "]", "must be a name of 1 to 64 characters");
			}
			else {
				bundles.add(bundle.asString());
			}
		}
		return bundles;
	}

	private static Map<String, String> identifiers(JsonNode event, Checker c) {
		JsonNode value = event.get("identifiers");
		Map<String, String> identifiers = new LinkedHashMap<>();
		if (value == null || value.isNull()) {
			return identifiers;
		}
		if (!value.isObject()) {
			c.error("identifiers", "must be an object of names to values (e.g. {\"email\": \"...\"})");
			return identifiers;
		}
		if (value.size() > 8) {
			c.error("identifiers", "holds " + value.size() + " values; at most 8 are accepted");
		}
		for (String name : value.propertyNames()) {
			JsonNode identifier = value.get(name);
			if (!identifier.isString() || identifier.asString().length() > 256) {
				c.error("identifiers." + name, "must be a string of at most 256 characters");
			}
			else {
				identifiers.put(name, identifier.asString());
			}
		}
		return identifiers;
	}

	/** Collects the errors of one event. */
	private static final class Checker {

		private final int index;

		private final List<FieldError> errors;

		private boolean failed;

		Checker(int index, List<FieldError> errors) {
			this.index = index;
			this.errors = errors;
		}

		void error(String field, String message) {
			this.failed = true;
			this.errors.add(new FieldError(this.index, field, message));
		}

		String string(JsonNode event, String field, boolean required, int maxLength) {
			JsonNode value = event.get(field);
			if (value == null || value.isNull()) {
				if (required) {
					error(field, "is required");
				}
				return null;
			}
			if (!value.isString()) {
				error(field, "must be a string");
				return null;
			}
			String text = value.asString();
			if (text.isEmpty() || text.length() > maxLength) {
				error(field, "must be 1 to " + maxLength + " characters long");
				return null;
			}
			return text;
		}

		long whole(JsonNode event, String field, boolean required, long min, long max, long absent) {
			JsonNode value = event.get(field);
			if (value == null || value.isNull()) {
				if (required) {
					error(field, "is required");
				}
				return absent;
			}
			if (!value.isIntegralNumber() || !value.canConvertToLong()) {
				error(field, "must be a whole number");
				return absent;
			}
			long number = value.asLong();
			if (number < min || number > max) {
				error(field, "must be between " + min + " and " + max + ", not " + number);
				return absent;
			}
			return number;
		}

	}

}
