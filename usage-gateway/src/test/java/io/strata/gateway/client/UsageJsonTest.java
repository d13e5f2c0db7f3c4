package io.strata.gateway.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.strata.gateway.http.UsageEventInput;
import io.strata.gateway.http.UsageEventValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What the client writes is read back by the gateway's own validator as what was reported. */
class UsageJsonTest {

	private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

	private final UsageJson json = new UsageJson();

	private final UsageEventValidator validator = new UsageEventValidator(Duration.ofDays(7), Duration.ofMinutes(5),
			NOW::toEpochMilli);

	@Test
	void everyFieldReachesTheGatewayAsReported() {
		UsageRecord full = UsageRecord.builder("acct-00042", "person.enrich", 200)
			.eventId("e-1")
			.timestamp(NOW.minusSeconds(60))
			.bundles(List.of("social", "employment"))
			.requestId("r-9")
			.latencyMs(35)
			.bytes(2048)
			.region("us-east-1")
			.plan("pro")
			.identifier("phone", "+1 555 0100")
			.identifier("email", "a\"b@c.example")
			.build();
		UsageRecord minimal = UsageRecord.builder("acct-7", "company.enrich", 404).eventId("e-2").timestamp(NOW).build();

		UsageEventValidator.Result result = this.validator
			.validate(JsonMapper.builder().build().readTree(this.json.write(List.of(full, minimal))));

		assertThat(result.errors()).isEmpty();
		assertThat(result.valid()).containsExactly(
				new UsageEventInput("e-1", NOW.minusSeconds(60).toEpochMilli(), "acct-00042", "person.enrich", 200,
						List.of("social", "employment"), "r-9", 35, 2048, "us-east-1", "pro",
						Map.of("email", "a\"b@c.example", "phone", "+1 555 0100")),
				new UsageEventInput("e-2", NOW.toEpochMilli(), "acct-7", "company.enrich", 404, List.of(), null, 0, 0,
						null, null, Map.of()));
	}

	@Test
	void aProblemNamesEventsByIndexAndApisByName() {
		String problem = """
				{"errors": [{"index": 2, "field": "x"}, {"index": 0, "field": "y"}, {"index": 2, "field": "z"},
				            {"index": 9, "field": "beyond the batch"}], "apiNames": ["b", "a"]}""";
		assertThat(this.json.badIndexes(problem, 5)).containsExactly(0, 2);
		assertThat(this.json.forbiddenApiNames(problem)).containsExactly("a", "b");
		assertThat(this.json.badIndexes("<html>proxy error</html>", 5)).isEmpty();
		assertThat(this.json.forbiddenApiNames("")).isEmpty();
	}

}
