package io.strata.engine.batch;

import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.format.SegmentFileReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The queries the batch tests compare over two sets of segments: timeseries, topN and groupBy
 * over counts, sums, min/max and HLL. Exact numbers must match exactly; HLL estimates depend on
 * the order sketches are unioned in (HIP), which differs with the segment layout, so they match
 * within three percent (the standard error of lgK 12 is 1.6%).
 */
public final class BatchQueries {

	static final String INTERVAL = "2026-10-01T00:00:00Z/2026-10-04T00:00:00Z";

	private static final String AGGREGATIONS = """
			[{"type": "longSum", "name": "rows", "fieldName": "count"},
			 {"type": "longSum", "name": "latency", "fieldName": "latencySum"},
			 {"type": "doubleSum", "name": "bytes", "fieldName": "bytesSum"},
			 {"type": "floatMax", "name": "maxBytes", "fieldName": "bytesMax"},
			 {"type": "longMin", "name": "minLatency", "fieldName": "latencyMin"},
			 {"type": "HLLSketchMerge", "name": "users", "fieldName": "users"},
			 {"type": "thetaSketch", "name": "usersTheta", "fieldName": "usersTheta"}]""";

	static final List<String> QUERIES = List.of("""
			{"queryType": "timeseries", "dataSource": "usage", "intervals": ["%s"], "granularity": "hour",
			 "aggregations": %s}""".formatted(INTERVAL, AGGREGATIONS), """
			{"queryType": "topN", "dataSource": "usage", "intervals": ["%s"], "granularity": "day",
			 "dimension": "apiName", "metric": "rows", "threshold": 5, "aggregations": %s}"""
		.formatted(INTERVAL, AGGREGATIONS), """
			{"queryType": "groupBy", "dataSource": "usage", "intervals": ["%s"], "granularity": "all",
			 "dimensions": ["accountId", "region", "bundles"], "aggregations": %s}""".formatted(INTERVAL, AGGREGATIONS));

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private BatchQueries() {
	}

	public static List<Segment> open(List<BuiltSegment> built) {
		List<Segment> segments = new ArrayList<>();
		for (BuiltSegment segment : built) {
			segments.add(new SegmentFileReader().open(segment.file()));
		}
		return segments;
	}

	/** Runs every query over both sets and asserts equal answers. */
	public static void assertSameAnswers(List<Segment> expected, List<Segment> actual) {
		QueryRunner runner = new QueryRunner();
		for (String query : QUERIES) {
			JsonNode want = MAPPER.readTree(runner.run(query, expected));
			JsonNode got = MAPPER.readTree(runner.run(query, actual));
			assertThat(want.size()).as(query).isGreaterThan(0);
			assertSame(want, got, query);
		}
	}

	private static void assertSame(JsonNode want, JsonNode got, String path) {
		if (want.isObject()) {
			assertThat(got.isObject()).as(path).isTrue();
			assertThat(got.propertyNames()).as(path).containsExactlyInAnyOrderElementsOf(want.propertyNames());
			for (Map.Entry<String, JsonNode> field : want.properties()) {
				assertSame(field.getValue(), got.get(field.getKey()), path + "." + field.getKey());
			}
		}
		else if (want.isArray()) {
			assertThat(got.size()).as(path).isEqualTo(want.size());
			Iterator<JsonNode> wanted = want.values().iterator();
			Iterator<JsonNode> gotten = got.values().iterator();
			int index = 0;
			while (wanted.hasNext()) {
				assertSame(wanted.next(), gotten.next(), path + "[" + index++ + "]");
			}
		}
		else if (want.isFloatingPointNumber() && (path.endsWith(".users") || path.endsWith(".usersTheta"))) {
			assertThat(got.doubleValue()).as(path).isCloseTo(want.doubleValue(), within(want.doubleValue() * 0.03 + 1e-9));
		}
		else {
			assertThat(got).as(path).isEqualTo(want);
		}
	}

}
