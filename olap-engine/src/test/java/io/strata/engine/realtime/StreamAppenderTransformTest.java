package io.strata.engine.realtime;

import io.strata.engine.batch.BatchQueries;
import io.strata.engine.batch.BuiltSegment;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.input.InputRowFactory;
import io.strata.engine.input.JsonStreamParser;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.testing.TestSegments;
import io.strata.engine.time.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stream messages through a transformSpec: live queries see the transformed rows at once, the
 * filter's rows are thrown away (and stay counted across a restore), a row a transform cannot be
 * evaluated on is unparseable with its offset, and the rewritten time picks the sink.
 */
class StreamAppenderTransformTest {

	private static final DataSchema SCHEMA = TestSegments.schema("""
			{"dataSource": "errors", "timestampSpec": {"column": "ts", "format": "iso"},
			 "dimensionsSpec": {"dimensions": ["apiName", "apiUpper", {"type": "long", "name": "statusCode"}]},
			 "metricsSpec": [{"type": "count", "name": "count"}, {"type": "longSum", "name": "bytes", "fieldName": "bytes"}],
			 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "none", "rollup": false},
			 "transformSpec": {
			   "transforms": [
			     {"type": "expression", "name": "apiUpper", "expression": "upper(apiName)"},
			     {"type": "expression", "name": "apiName", "expression": "concat('api/', apiName)"},
			     {"type": "expression", "name": "__time", "expression": "eventTime"}],
			   "filter": {"type": "selector", "dimension": "statusCode", "value": "500"}}}""");

	private static final long OCTOBER_2 = Interval.parse("2026-10-02/2026-10-03").startMillis();

	private static final long NOW = OCTOBER_2 + 3_600_000L;

	private static final String BY_API = """
			{"queryType": "groupBy", "dataSource": "errors", "intervals": ["2026-10-01/2026-10-03"],
			 "granularity": "all", "dimensions": ["apiName", "apiUpper"],
			 "aggregations": [{"type": "longSum", "name": "rows", "fieldName": "count"},
			                  {"type": "longSum", "name": "bytes", "fieldName": "bytes"}]}""";

	private static final RealtimeTuning TUNING = RealtimeTuning.DEFAULTS.withParseExceptions(10, 10);

	@TempDir
	Path work;

	private final JsonStreamParser parser = new JsonStreamParser(new InputRowFactory(SCHEMA.timestampSpec()));

	private static byte[] message(Object eventTime, String api, int status, int bytes) {
		return ("{\"ts\":\"2026-10-01T23:59:00Z\",\"eventTime\":" + eventTime + ",\"apiName\":\"" + api
				+ "\",\"statusCode\":" + status + ",\"bytes\":" + bytes + "}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private void send(StreamAppender appender) {
		appender.add(0, 0, message(OCTOBER_2 + 1000, "search", 500, 10), this.parser, NOW);
		appender.add(0, 1, message(OCTOBER_2 + 2000, "search", 200, 20), this.parser, NOW);
		appender.add(1, 0, message(OCTOBER_2 + 3000, "geo", 500, 30), this.parser, NOW);
		appender.add(1, 1, message(OCTOBER_2 + 4000, "geo", 404, 40), this.parser, NOW);
		appender.add(1, 2, message("\"soon\"", "geo", 500, 50), this.parser, NOW);
		appender.add(0, 2, message(OCTOBER_2 + 6000, "search", 500, 60), this.parser, NOW);
	}

	@Test
	void liveRowsAreTransformedAndFilteredRowsThrownAway() {
		try (StreamAppender appender = StreamAppender.restore(SCHEMA, TUNING, this.work)) {
			send(appender);
			assertThat(appender.processed()).isEqualTo(3);
			assertThat(appender.thrownAway()).isEqualTo(2);
			assertThat(appender.unparseable()).isEqualTo(1);
			assertThat(appender.savedParseErrors().getFirst().describe())
				.startsWith("input[partition 1] offset[2]: Transform[__time]");
			// one sink, on the day of the rows' eventTime
			assertThat(appender.sinkIds()).extracting(id -> id.interval())
				.containsExactly(Interval.parse("2026-10-02/2026-10-03"));
			String live = new QueryRunner().run(BY_API, appender.segments());
			assertThat(live).contains("\"apiName\":\"api/geo\",\"apiUpper\":\"GEO\",\"rows\":1,\"bytes\":30")
				.contains("\"apiName\":\"api/search\",\"apiUpper\":\"SEARCH\",\"rows\":2,\"bytes\":70")
				.doesNotContain("\"rows\":3");
		}
	}

	@Test
	void theCountsSurviveARestoreAndTheFinalSegmentsHoldTheTransformedRows() {
		try (StreamAppender appender = StreamAppender.restore(SCHEMA, TUNING, this.work)) {
			send(appender);
			appender.persist(NOW);
		}
		try (StreamAppender appender = StreamAppender.restore(SCHEMA, TUNING, this.work)) {
			assertThat(appender.thrownAway()).isEqualTo(2);
			assertThat(appender.processed()).isEqualTo(3);
			assertThat(appender.unparseable()).isEqualTo(1);
			List<BuiltSegment> built = appender.finish("v1", NOW);
			assertThat(built).extracting(BuiltSegment::interval).containsExactly(Interval.parse("2026-10-02/2026-10-03"));
			assertThat(built.getFirst().rowCount()).isEqualTo(3);
			List<Segment> segments = BatchQueries.open(built);
			try {
				assertThat(new QueryRunner().run(BY_API, segments))
					.contains("\"apiName\":\"api/search\",\"apiUpper\":\"SEARCH\",\"rows\":2,\"bytes\":70");
			}
			finally {
				segments.forEach(Segment::close);
			}
		}
	}

}
