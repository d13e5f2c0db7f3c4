package io.strata.engine.testing;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.segment.Segment;
import io.strata.engine.time.IsoTime;

import java.nio.file.Path;
import java.util.List;

/**
 * The four hand-written rows that the hand-checked query tests work their expected results out
 * from, persisted as the one day segment of datasource usage (rollup off):
 *
 * <pre>
 * time              api status bundles region latency bytes user
 * 2026-01-01T00:10  a   200    [x, y]  us     10      1.5   u1
 * 2026-01-01T00:50  b   404    []      null   20      2.5   u2
 * 2026-01-01T01:05  a   200    [y]     eu     30      3.0   u1
 * 2026-01-01T03:00  c   500    [x]     us     40      4.0   u3
 * </pre>
 *
 * The dimensions are api, status, bundles and region; user is only an input, for a metric to read.
 */
public final class HandWrittenUsage {

	/**
	 * The first row's time as results show it: the stamp of timeseries and topN of granularity all
	 * for a query starting at or before it, whatever the filter keeps (the segment is clipped to its data).
	 */
	public static final String FIRST_ROW = "2026-01-01T00:10:00.000Z";

	private HandWrittenUsage() {
	}

	/**
	 * The segment, in a file of {@code directory}, with the metrics rows (count), latency (longSum)
	 * and bytes (doubleSum), then {@code extraMetrics} (Druid aggregator JSON).
	 */
	public static Segment segment(Path directory, String... extraMetrics) {
		StringBuilder metrics = new StringBuilder("""
				{"type": "count", "name": "rows"},
				{"type": "longSum", "name": "latency", "fieldName": "latency"},
				{"type": "doubleSum", "name": "bytes", "fieldName": "bytes"}""");
		for (String metric : extraMetrics) {
			metrics.append(", ").append(metric);
		}
		DataSchema schema = TestSegments.schema("""
				{"dataSource": "usage", "timestampSpec": {"column": "t"},
				 "dimensionsSpec": {"dimensions": ["api", "status", "bundles", "region"]},
				 "metricsSpec": [%s],
				 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "none", "rollup": false}}
				""".formatted(metrics));
		IncrementalIndex index = new IncrementalIndex(schema);
		add(index, "2026-01-01T00:10:00Z", "a", "200", List.of("x", "y"), "us", 10, 1.5, "u1");
		add(index, "2026-01-01T00:50:00Z", "b", "404", List.of(), null, 20, 2.5, "u2");
		add(index, "2026-01-01T01:05:00Z", "a", "200", List.of("y"), "eu", 30, 3.0, "u1");
		add(index, "2026-01-01T03:00:00Z", "c", "500", List.of("x"), "us", 40, 4.0, "u3");
		return TestSegments.persist(index, TestSegments.id("usage", "2026-01-01/2026-01-02", 0), directory);
	}

	private static void add(IncrementalIndex index, String time, String api, String status, List<String> bundles,
			String region, long latency, double bytes, String user) {
		index.add(TestSegments.row(IsoTime.parse(time), "api", api, "status", status, "bundles", bundles, "region",
				region, "latency", latency, "bytes", bytes, "user", user));
	}

}
