package io.strata.engine.batch;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.input.JsonInputFormatSpec;
import io.strata.engine.input.source.InlineInputSource;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.testing.TestSegments;
import io.strata.engine.time.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch ingestion with a transformSpec: transforms add and replace fields and move the row's
 * time before segments are chosen, the filter throws rows away (counted as such, not as
 * unparseable), and a row a transform cannot be evaluated on is unparseable with its line.
 */
class BatchTransformTest {

	/** Received on October 1st ({@code ts}), happened on October 2nd ({@code eventTime}, in millis). */
	static final String SCHEMA = """
			{"dataSource": "errors", "timestampSpec": {"column": "ts", "format": "iso"},
			 "dimensionsSpec": {"dimensions": ["apiName", "apiUpper", {"type": "long", "name": "statusCode"}]},
			 "metricsSpec": [{"type": "count", "name": "count"}, {"type": "longSum", "name": "bytes", "fieldName": "bytes"}],
			 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "none", "rollup": false},
			 "transformSpec": {
			   "transforms": [
			     {"type": "expression", "name": "apiUpper", "expression": "upper(apiName)"},
			     {"type": "expression", "name": "apiName", "expression": "concat('api/', apiName)"},
			     {"type": "expression", "name": "__time", "expression": "eventTime"}],
			   "filter": {"type": "selector", "dimension": "statusCode", "value": "500"}}}""";

	private static final long OCTOBER_2 = Interval.parse("2026-10-02/2026-10-03").startMillis();

	private static final String ROW = "{\"ts\":\"2026-10-01T23:59:00Z\",\"eventTime\":%s,\"apiName\":\"%s\","
			+ "\"statusCode\":%d,\"bytes\":%d}";

	/** Lines 1, 3 and 6 are kept; 2 and 4 are thrown away by the filter; 5 has a time that is no number. */
	static final String INPUT = String.join("\n", ROW.formatted(OCTOBER_2 + 1000, "search", 500, 10),
			ROW.formatted(OCTOBER_2 + 2000, "search", 200, 20), ROW.formatted(OCTOBER_2 + 3000, "geo", 500, 30),
			ROW.formatted(OCTOBER_2 + 4000, "geo", 404, 40), ROW.formatted("\"soon\"", "geo", 500, 50),
			ROW.formatted(OCTOBER_2 + 6000, "search", 500, 60)) + "\n";

	private static final String BY_API = """
			{"queryType": "groupBy", "dataSource": "errors", "intervals": ["2026-10-01/2026-10-03"],
			 "granularity": "all", "dimensions": ["apiName", "apiUpper", "statusCode"],
			 "aggregations": [{"type": "longSum", "name": "rows", "fieldName": "count"},
			                  {"type": "longSum", "name": "bytes", "fieldName": "bytes"}]}""";

	private static BatchIngestionResult ingest(DataSchema schema, PartitionsSpec partitions, Path work) {
		BatchTuningConfig tuning = BatchTuningConfig.defaults(partitions).withParseExceptions(10, 10);
		return new BatchIngestion(schema, new InlineInputSource(INPUT), new JsonInputFormatSpec(), tuning).run("v1",
				work);
	}

	@Test
	void transformsShapeTheRowsAndTheFilterThrowsRowsAway(@TempDir Path work) {
		BatchIngestionResult result = ingest(TestSegments.schema(SCHEMA), DynamicPartitionsSpec.defaults(), work);

		assertThat(result.processed()).isEqualTo(3);
		assertThat(result.thrownAway()).isEqualTo(2);
		assertThat(result.unparseable()).isEqualTo(1);
		assertThat(result.parseErrors().getFirst().rejection().position()).isEqualTo(5);
		assertThat(result.parseErrors().getFirst().describe()).contains("Transform[__time]");
		// the rows' time is their eventTime: one segment on October 2nd, none on the day they were received
		assertThat(result.segments()).extracting(BuiltSegment::interval)
			.containsExactly(Interval.parse("2026-10-02/2026-10-03"));
		List<Segment> segments = BatchQueries.open(result.segments());
		try {
			String answer = new QueryRunner().run(BY_API, segments);
			assertThat(answer).isEqualTo("""
					[{"version":"v1","timestamp":"2026-10-01T00:00:00.000Z","event":{"apiName":"api/geo",\
					"apiUpper":"GEO","statusCode":"500","rows":1,"bytes":30}},\
					{"version":"v1","timestamp":"2026-10-01T00:00:00.000Z","event":{"apiName":"api/search",\
					"apiUpper":"SEARCH","statusCode":"500","rows":2,"bytes":70}}]""");
		}
		finally {
			segments.forEach(Segment::close);
		}
	}

	@Test
	void hashedPartitionsEstimateTheTransformedAndFilteredRows(@TempDir Path work) {
		// three rows kept, on October 2nd: two buckets of at most two rows there, and no other interval
		BatchIngestionResult result = ingest(TestSegments.schema(SCHEMA), HashedPartitionsSpec.ofTargetRows(2, List.of()),
				work);
		assertThat(result.processed()).isEqualTo(3);
		assertThat(result.thrownAway()).isEqualTo(2);
		assertThat(result.segments()).isNotEmpty().allSatisfy(segment -> {
			assertThat(segment.interval()).isEqualTo(Interval.parse("2026-10-02/2026-10-03"));
			assertThat(segment.shardSpec()).isInstanceOfSatisfying(ShardSpec.Hashed.class,
					hashed -> assertThat(hashed.numBuckets()).isEqualTo(2));
		});
		assertThat(result.segments().stream().mapToLong(BuiltSegment::rowCount).sum()).isEqualTo(3);
	}

}
