package io.strata.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.engine.input.InputRowFactory;
import io.strata.engine.input.JsonInputFormatSpec;
import io.strata.engine.input.TextInputReader;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.testing.TestSegments;
import io.strata.engine.time.Interval;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexing pipeline applies the schema's transformSpec before it picks a row's interval: the
 * filter's rows and rows whose new time is outside the intervals are thrown away, a row a transform
 * cannot be evaluated on is rejected with its line.
 */
class IndexingPipelineTransformTest {

	@TempDir
	Path directory;

	@Test
	void rowsAreTransformedThenFilteredThenPlaced() {
		DataSchema schema = TestSegments.schema("""
				{"dataSource": "d", "timestampSpec": {"column": "ts", "format": "millis"},
				 "dimensionsSpec": {"dimensions": ["page"]},
				 "metricsSpec": [{"type": "count", "name": "count"}],
				 "granularitySpec": {"segmentGranularity": "day", "intervals": ["2026-10-01/2026-10-02"]},
				 "transformSpec": {
				   "transforms": [{"type": "expression", "name": "__time", "expression": "__time + shift"}],
				   "filter": {"type": "not", "field": {"type": "selector", "dimension": "page", "value": "bot"}}}}""");
		long day = Interval.parse("2026-10-01/2026-10-02").startMillis();
		String ndjson = String.join("\n", "{\"ts\":" + (day - 1000) + ",\"shift\":2000,\"page\":\"a\"}", // 1: moved in
				"{\"ts\":" + day + ",\"shift\":0,\"page\":\"bot\"}", // 2: filtered
				"{\"ts\":" + day + ",\"shift\":86400000,\"page\":\"b\"}", // 3: moved out of the intervals
				"{\"ts\":" + day + ",\"shift\":\"later\",\"page\":\"c\"}", // 4: no time
				"{\"ts\":" + day + ",\"shift\":5,\"page\":\"d\"}") + "\n"; // 5: kept
		IndexingPipeline pipeline = new IndexingPipeline(schema, this.directory, "v1", 100, Long.MAX_VALUE, 10);
		new TextInputReader(new JsonInputFormatSpec(), new InputRowFactory(schema.timestampSpec()))
			.read(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), pipeline);

		assertThat(pipeline.processed()).isEqualTo(2);
		assertThat(pipeline.thrownAway()).isEqualTo(2);
		assertThat(pipeline.rejected().saved()).singleElement().satisfies(rejection -> {
			assertThat(rejection.position()).isEqualTo(4);
			assertThat(rejection.reason()).contains("Transform[__time]");
		});
		List<SegmentMetadata> segments = pipeline.finish();
		assertThat(segments).singleElement().satisfies(segment -> {
			assertThat(segment.id().interval()).isEqualTo(Interval.parse("2026-10-01/2026-10-02"));
			assertThat(segment.numRows()).isEqualTo(2);
		});
	}

}
