package io.strata.benchmarks.cluster;

import java.util.ArrayList;
import java.util.List;

import io.strata.engine.error.StrataException;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The accounts with the most calls, asked of the engine over the segment files. */
final class TopAccounts {

	private static final String QUERY = """
			{"queryType": "topN", "dataSource": "usage", "intervals": ["2026-10-01/2026-10-31"], "granularity": "all",
			 "dimension": "accountId", "metric": "calls", "threshold": %d,
			 "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"}]}""";

	private TopAccounts() {
	}

	/** The {@code count} accounts with the most calls, most first. */
	static List<String> find(List<Segment> segments, int count) {
		JsonNode answer = JsonMapper.builder().build().readTree(new QueryRunner().run(QUERY.formatted(count), segments));
		List<String> accounts = new ArrayList<>();
		for (JsonNode row : answer.path(0).path("result")) {
			accounts.add(row.path("accountId").asString());
		}
		if (accounts.size() != count) {
			throw StrataException.defensive("Found [%d] accounts with traffic, the mix needs [%d]", accounts.size(),
					count);
		}
		return List.copyOf(accounts);
	}

}
