package io.strata.gateway.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class UsageEventValidatorTest {

	private static final long NOW = Instant.parse("2026-12-07T12:00:00Z").toEpochMilli();

	private final UsageEventValidator validator = new UsageEventValidator(Duration.ofDays(7), Duration.ofMinutes(5),
			() -> NOW);

	private final JsonMapper json = JsonMapper.builder().build();

	private UsageEventValidator.Result validate(String body) {
		return this.validator.validate(this.json.readTree(body));
	}

	@Test
	void aCompleteEventPassesWithEveryFieldKept() {
		UsageEventValidator.Result result = validate("""
				{"eventId": "e-1", "timestamp": "2026-12-07T11:59:00Z", "accountId": "acct-00042",
				 "apiName": "person.enrich", "statusCode": 200, "bundles": ["employment", "social"],
				 "requestId": "r-9", "latencyMs": 35, "bytes": 2048, "region": "us-east-1", "plan": "pro",
				 "identifiers": {"email": "a@b.example"}}""");
		assertThat(result.errors()).isEmpty();
		assertThat(result.valid()).containsExactly(new UsageEventInput("e-1", NOW - 60_000, "acct-00042",
				"person.enrich", 200, List.of("employment", "social"), "r-9", 35, 2048, "us-east-1", "pro",
				Map.of("email", "a@b.example")));
	}

	@Test
	void optionalFieldsDefaultAndAnEventIdIsGenerated() {
		UsageEventInput event = validate("""
				{"timestamp": %d, "accountId": "a", "apiName": "x", "statusCode": 404}""".formatted(NOW)).valid()
			.getFirst();
		assertThat(event.eventId()).hasSize(36);
		assertThat(event.bundles()).isEmpty();
		assertThat(event.latencyMs()).isZero();
		assertThat(event.region()).isNull();
	}

	@Test
	void everyBadFieldOfEveryBadEventIsNamed() {
		UsageEventValidator.Result result = validate("""
				[{"timestamp": "2026-12-07T11:00:00Z", "accountId": "a", "apiName": "x", "statusCode": 200},
				 {"timestamp": "yesterday", "accountId": "has space", "statusCode": 700, "latencyMs": -1,
				  "bundles": ["ok", 3], "colour": "red"},
				 "not an object"]""");
		assertThat(result.valid()).hasSize(1);
		assertThat(result.errors()).extracting(FieldError::index, FieldError::field).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple(1, "colour"), org.assertj.core.groups.Tuple.tuple(1, "accountId"),
				org.assertj.core.groups.Tuple.tuple(1, "apiName"), org.assertj.core.groups.Tuple.tuple(1, "statusCode"),
				org.assertj.core.groups.Tuple.tuple(1, "timestamp"), org.assertj.core.groups.Tuple.tuple(1, "bundles[1]"),
				org.assertj.core.groups.Tuple.tuple(1, "latencyMs"), org.assertj.core.groups.Tuple.tuple(2, ""));
		assertThat(result.errors()).filteredOn(error -> error.field().equals("apiName"))
			.extracting(FieldError::message)
			.containsExactly("is required");
	}

	@Test
	void timestampsOutsideTheSkewBoundsAreRefused() {
		assertThat(validate("""
				{"timestamp": "2026-11-29T11:59:59Z", "accountId": "a", "apiName": "x", "statusCode": 200}""").errors())
			.extracting(FieldError::message)
			.containsExactly("is older than the 7 days accepted");
		assertThat(validate("""
				{"timestamp": "2026-12-07T12:05:01Z", "accountId": "a", "apiName": "x", "statusCode": 200}""").errors())
			.extracting(FieldError::message)
			.containsExactly("is more than 300 s ahead of the gateway's clock");
		assertThat(validate("""
				{"timestamp": "2026-12-07T12:05:00Z", "accountId": "a", "apiName": "x", "statusCode": 200}""").errors())
			.isEmpty();
	}

	@Test
	void anEmptyArrayIsAnError() {
		assertThat(validate("[]").errors()).extracting(FieldError::message).containsExactly("the request holds no event");
	}

}
