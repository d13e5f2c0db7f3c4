package io.strata.engine.query;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.query.exec.IntermediateResults;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.testing.TestSegments;
import io.strata.engine.time.IsoTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scan batches: the query's {@code batchSize}, and the columns of a scan without a column list
 * over segments that hold different columns. Druid's scan engine writes each segment's rows with
 * that segment's own columns; a time-ordered scan merges them row by row and the broker batches
 * the rows again, naming each batch ({@code columns}, {@code rowSignature}) by its first row. Two
 * segments of one day, partitions 0 and 1, every expected value worked out from these rows:
 *
 * <pre>
 * segment time   api user region (metric rows: count)
 * p0      00:10  a   u1   -
 * p0      00:50  b   u2   -
 * p1      00:30  c   -    us
 * p1      01:05  a   -    eu
 * </pre>
 */
class ScanBatchingTest {

	@TempDir
	static Path directory;

	private static Segment first;

	private static Segment second;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final long T0010 = IsoTime.parse("2026-01-01T00:10:00Z");

	private static final long T0030 = IsoTime.parse("2026-01-01T00:30:00Z");

	private static final long T0050 = IsoTime.parse("2026-01-01T00:50:00Z");

	private static final long T0105 = IsoTime.parse("2026-01-01T01:05:00Z");

	private static final String P0_COLUMNS = "\"columns\":[\"__time\",\"api\",\"user\",\"rows\"],";

	private static final String P0_SIGNATURE = "\"rowSignature\":[{\"name\":\"__time\",\"type\":\"LONG\"},"
			+ "{\"name\":\"api\",\"type\":\"STRING\"},{\"name\":\"user\",\"type\":\"STRING\"},"
			+ "{\"name\":\"rows\",\"type\":\"LONG\"}]";

	private static final String P1_COLUMNS = "\"columns\":[\"__time\",\"api\",\"region\",\"rows\"],";

	private static final String P1_SIGNATURE = "\"rowSignature\":[{\"name\":\"__time\",\"type\":\"LONG\"},"
			+ "{\"name\":\"api\",\"type\":\"STRING\"},{\"name\":\"region\",\"type\":\"STRING\"},"
			+ "{\"name\":\"rows\",\"type\":\"LONG\"}]";

	private final QueryRunner runner = new QueryRunner();

	@BeforeAll
	static void build() {
		IncrementalIndex p0 = new IncrementalIndex(schema("user"));
		p0.add(TestSegments.row(T0010, "api", "a", "user", "u1"));
		p0.add(TestSegments.row(T0050, "api", "b", "user", "u2"));
		IncrementalIndex p1 = new IncrementalIndex(schema("region"));
		p1.add(TestSegments.row(T0030, "api", "c", "region", "us"));
		p1.add(TestSegments.row(T0105, "api", "a", "region", "eu"));
		first = TestSegments.persist(p0, TestSegments.id("usage", "2026-01-01/2026-01-02", 0), directory);
		second = TestSegments.persist(p1, TestSegments.id("usage", "2026-01-01/2026-01-02", 1), directory);
	}

	private static DataSchema schema(String dimension) {
		return TestSegments.schema("""
				{"dataSource": "usage", "timestampSpec": {"column": "t"},
				 "dimensionsSpec": {"dimensions": ["api", "%s"]},
				 "metricsSpec": [{"type": "count", "name": "rows"}],
				 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "none", "rollup": false}}
				""".formatted(dimension));
	}

	@AfterAll
	static void close() {
		first.close();
		second.close();
	}

	@Test
	void aTimeOrderedScanWithoutColumnsKeepsEachSegmentsColumnsAndNamesABatchByItsFirstRow() {
		String query = """
				{"queryType": "scan", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02",
				 "order": "ascending", "batchSize": 2}""";
		// merged on time: 00:10 (p0), 00:30 (p1) | 00:50 (p0), 01:05 (p1); both batches begin with a p0 row
		String expected = "[{\"segmentId\":null," + P0_COLUMNS + "\"events\":["
				+ "{\"__time\":" + T0010 + ",\"api\":\"a\",\"user\":\"u1\",\"rows\":1},"
				+ "{\"__time\":" + T0030 + ",\"api\":\"c\",\"region\":\"us\",\"rows\":1}]," + P0_SIGNATURE + "},"
				+ "{\"segmentId\":null," + P0_COLUMNS + "\"events\":["
				+ "{\"__time\":" + T0050 + ",\"api\":\"b\",\"user\":\"u2\",\"rows\":1},"
				+ "{\"__time\":" + T0105 + ",\"api\":\"a\",\"region\":\"eu\",\"rows\":1}]," + P0_SIGNATURE + "}]";
		assertThat(this.runner.run(query, List.of(first, second))).isEqualTo(expected);
		assertThat(brokerMerge(query)).isEqualTo(expected);
	}

	@Test
	void aDescendingCompactedScanWritesEachRowInItsSegmentsColumnOrder() {
		String query = """
				{"queryType": "scan", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02",
				 "order": "descending", "resultFormat": "compactedList", "batchSize": 3}""";
		// 01:05 (p1), 00:50 (p0), 00:30 (p1) | 00:10 (p0): the first batch is named by p1, the second by p0
		String expected = "[{\"segmentId\":null," + P1_COLUMNS + "\"events\":[[" + T0105 + ",\"a\",\"eu\",1],["
				+ T0050 + ",\"b\",\"u2\",1],[" + T0030 + ",\"c\",\"us\",1]]," + P1_SIGNATURE + "},"
				+ "{\"segmentId\":null," + P0_COLUMNS + "\"events\":[[" + T0010 + ",\"a\",\"u1\",1]]," + P0_SIGNATURE
				+ "}]";
		assertThat(this.runner.run(query, List.of(first, second))).isEqualTo(expected);
		assertThat(brokerMerge(query)).isEqualTo(expected);
	}

	@Test
	void anUnorderedScanCutsEachSegmentIntoBatchesOfBatchSize() {
		String query = """
				{"queryType": "scan", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02",
				 "columns": ["__time", "api"], "batchSize": 1, "offset": 1, "limit": 2}""";
		// segment order p0, p1; the offset skips p0's 00:10; one row a batch, each named by its segment
		String signature = "\"rowSignature\":[{\"name\":\"__time\",\"type\":\"LONG\"},{\"name\":\"api\",\"type\":\"STRING\"}]";
		String expected = "[{\"segmentId\":\"" + first.id() + "\",\"columns\":[\"__time\",\"api\"],\"events\":["
				+ "{\"__time\":" + T0050 + ",\"api\":\"b\"}]," + signature + "},"
				+ "{\"segmentId\":\"" + second.id() + "\",\"columns\":[\"__time\",\"api\"],\"events\":["
				+ "{\"__time\":" + T0030 + ",\"api\":\"c\"}]," + signature + "}]";
		assertThat(this.runner.run(query, List.of(first, second))).isEqualTo(expected);
		assertThat(brokerMerge(query)).isEqualTo(expected);
	}

	/** The broker's answer when each segment sits on its own data server. */
	private String brokerMerge(String query) {
		ObjectNode intermediate = (ObjectNode) MAPPER.readTree(query);
		intermediate.putObject("context").put(IntermediateResults.PARTIAL, true);
		String serverQuery = MAPPER.writeValueAsString(intermediate);
		return this.runner.mergeResults(query,
				List.of(this.runner.run(serverQuery, List.of(first)), this.runner.run(serverQuery, List.of(second))));
	}

}
