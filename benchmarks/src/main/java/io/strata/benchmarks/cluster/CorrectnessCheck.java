package io.strata.benchmarks.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Before anything is timed: each dashboard query, asked of the broker, must answer exactly what
 * the engine answers over the same segment files in this process. Each is asked three times:
 * with the cache bypassed (the broker's fan-out and merge), then twice with the defaults (the
 * first stores per-segment results, the second is answered from them), so cached answers are
 * checked too. Results compare as JSON values, so only key order may differ.
 */
final class CorrectnessCheck {

	private static final int MAX_SHOWN = 400;

	private final BrokerClient broker;

	private final List<Segment> segments;

	private final QueryRunner engine = new QueryRunner();

	private final JsonMapper json = JsonMapper.builder().build();

	/** One query type's outcome: whether every answer matched, and what was seen. */
	record Outcome(DashboardQuery type, boolean ok, String detail) {

		Outcome {
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(detail, "detail");
		}

		static Outcome failed(DashboardQuery type, String detail) {
			return new Outcome(type, false, detail);
		}

	}

	CorrectnessCheck(BrokerClient broker, List<Segment> segments) {
		this.broker = broker;
		this.segments = List.copyOf(segments);
	}

	/** Checks every query type for {@code account}. */
	List<Outcome> run(String account) {
		List<Outcome> outcomes = new ArrayList<>();
		for (DashboardQuery type : DashboardQuery.values()) {
			outcomes.add(check(type, account));
		}
		return outcomes;
	}

	private Outcome check(DashboardQuery type, String account) {
		String expectedText = this.engine.run(type.json(account, CacheMode.OFF), this.segments);
		JsonNode expected = this.json.readTree(expectedText);
		if (expected.isEmpty()) {
			return Outcome.failed(type, "the engine answered no rows for account " + account
					+ ": the check would prove nothing");
		}
		String[] attempts = { "uncached", "populating the cache", "from the cache" };
		CacheMode[] modes = { CacheMode.OFF, CacheMode.ON, CacheMode.ON };
		for (int i = 0; i < attempts.length; i++) {
			BrokerClient.Reply reply = this.broker.query(type.json(account, modes[i]));
			if (reply.status() != 200) {
				return Outcome.failed(type, attempts[i] + ": HTTP " + reply.status() + " " + shorten(reply.body()));
			}
			if (!this.json.readTree(reply.body()).equals(expected)) {
				return Outcome.failed(type, attempts[i] + ": the broker answered " + shorten(reply.body())
						+ " but the engine " + shorten(expectedText));
			}
		}
		return new Outcome(type, true, "equal to the engine's answer uncached, populating and from the cache ("
				+ rows(expected) + " rows)");
	}

	/** Result rows: timeseries buckets and groupBy rows are top-level, topN rows are in one bucket. */
	private static int rows(JsonNode answer) {
		JsonNode first = answer.path(0).path("result");
		return first.isArray() ? first.size() : answer.size();
	}

	private static String shorten(String text) {
		return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
	}

}
