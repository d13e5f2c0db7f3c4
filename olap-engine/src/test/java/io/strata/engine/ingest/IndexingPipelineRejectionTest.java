package io.strata.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.engine.input.InputRowFactory;
import io.strata.engine.input.JsonInputFormatSpec;
import io.strata.engine.input.RowRejection;
import io.strata.engine.input.TextInputReader;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.column.StringDictionary;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.segment.format.SegmentFormat;
import io.strata.engine.testing.SegmentDump;
import io.strata.engine.testing.UsageRows;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NDJSON with good and bad rows through the text reader into the ingestion pipeline: good rows
 * are ingested, each bad one is rejected with its line number and a reason naming the field.
 */
class IndexingPipelineRejectionTest {

	@TempDir
	Path directory;

	private static String good(int second, String account, String latency) {
		return "{\"timestamp\":\"2026-10-01T00:00:" + (second < 10 ? "0" : "") + second + "Z\",\"accountId\":\"" + account
				+ "\",\"apiName\":\"person.enrich\",\"statusCode\":200,\"bundles\":[\"contact\",\"social\"],"
				+ "\"region\":\"eu-west-1\",\"plan\":\"pro\",\"userId\":\"u1\",\"latencyMs\":" + latency
				+ ",\"bytes\":512}";
	}

	@Test
	void badRowsAreRejectedWithTheirLineAndFieldWhileGoodRowsGoIn() {
		List<String> lines = new ArrayList<>();
		lines.add(good(1, "acct-1", "10")); // 1
		lines.add("{\"timestamp\":\"2026-10-01T00:00:02Z\",\"accountId\":"); // 2: bad JSON
		lines.add(good(3, "acct-1", "30")); // 3
		lines.add("{\"accountId\":\"acct-1\",\"latencyMs\":5}"); // 4: no timestamp
		lines.add("{\"timestamp\":\"2026-13-01T00:00:00Z\",\"accountId\":\"acct-1\"}"); // 5: bad timestamp
		lines.add(good(6, "acct-1", "60")); // 6
		lines.add(good(7, "acct-only-in-a-bad-row", "\"fast\"")); // 7: not a number for longSum
		lines.add(good(8, "acct-1", "80").replace("\"statusCode\":200", "\"statusCode\":\"abc\"")); // 8: long dimension
		lines.add(good(9, "acct-1", "true")); // 9: a boolean for longSum
		lines.add(good(10, "acct-1", "100").replace("[\"contact\",\"social\"]", "[[\"nested\"]]")); // 10: nested list
		lines.add(good(11, "acct-2", "\"110\"").replace("\"statusCode\":200", "\"statusCode\":\"404\"")); // 11: numbers as text are fine
		lines.add(good(12, "acct-1", "12.9")); // 12: a fraction for longSum is truncated, as in Druid
		lines.add(good(13, "acct-3", "130").replace("2026-10-01", "2026-10-02")); // 13: outside the intervals
		String ndjson = String.join("\n", lines) + "\n";

		DataSchema usage = UsageRows.schema(false, Granularity.none(), Granularity.named("day"));
		DataSchema schema = new DataSchema(usage.dataSource(), usage.timestampSpec(), usage.dimensionsSpec(),
				usage.metricsSpec(), new GranularitySpec(Granularity.named("day"), Granularity.none(), false,
						List.of(Interval.parse("2026-10-01/2026-10-02"))));
		IndexingPipeline pipeline = new IndexingPipeline(schema, this.directory, "v1", 1_000, Long.MAX_VALUE, 100);
		long read = new TextInputReader(new JsonInputFormatSpec(), new InputRowFactory(schema.timestampSpec()))
			.read(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), pipeline);
		List<SegmentMetadata> segments = pipeline.finish();

		assertThat(read).isEqualTo(13);
		assertThat(pipeline.processed()).isEqualTo(5);
		assertThat(pipeline.thrownAway()).isEqualTo(1);
		assertThat(pipeline.rejected().count()).isEqualTo(7);
		List<RowRejection> rejections = pipeline.rejected().saved();
		assertThat(rejections).extracting(RowRejection::position).containsExactly(2L, 4L, 5L, 7L, 8L, 9L, 10L);
		assertThat(rejections.get(0).reason()).startsWith("malformed JSON");
		assertThat(rejections.get(1).reason()).contains("timestamp column[timestamp] is missing");
		assertThat(rejections.get(2).reason()).contains("timestamp column[timestamp] is unparseable");
		assertThat(rejections.get(3).reason()).contains("field[latencyMs]").doesNotContain("fast");
		assertThat(rejections.get(4).reason()).contains("dimension[statusCode]").doesNotContain("abc");
		assertThat(rejections.get(5).reason()).contains("field[latencyMs]").contains("boolean");
		assertThat(rejections.get(6).reason()).contains("nested list");
		assertThat(rejections.get(3).input()).contains("acct-only-in-a-bad-row");

		assertThat(segments).singleElement().satisfies(metadata -> assertThat(metadata.numRows()).isEqualTo(5));
		Path file = this.directory.resolve("segments").resolve(segments.getFirst().id().toString())
			.resolve(SegmentFormat.FILE_NAME);
		try (Segment segment = new SegmentFileReader().open(file)) {
			List<List<Object>> rows = SegmentDump.rows(segment, SegmentDump.Sketches.ESTIMATES);
			// time, accountId, apiName, statusCode, bundles, region, plan, count, latencySum, ...
			assertThat(rows).extracting(row -> row.get(1)).containsExactly("acct-1", "acct-1", "acct-1", "acct-2", "acct-1");
			assertThat(rows).extracting(row -> row.get(3)).containsExactly(200L, 200L, 200L, 404L, 200L);
			assertThat(rows).extracting(row -> row.get(8)).containsExactly(10L, 30L, 60L, 110L, 12L);
			// values of rejected rows leave nothing behind in the dictionaries
			StringDictionary accounts = segment.stringColumn("accountId").dictionary();
			assertThat(accounts.indexOf("acct-only-in-a-bad-row")).isNegative();
			assertThat(accounts.size()).isEqualTo(2);
			assertThat(segment.stringColumn("bundles").dictionary().indexOf("nested")).isNegative();
		}
	}

	@Test
	void rejectionsKeepTheirLineNumberAfterBlankLines() {
		String ndjson = good(1, "acct-1", "10") + "\n\n   \n" + good(2, "acct-1", "\"slow\"") + "\n";
		DataSchema schema = UsageRows.schema(false, Granularity.none(), Granularity.named("day"));
		IndexingPipeline pipeline = new IndexingPipeline(schema, this.directory, "v1", 1_000, Long.MAX_VALUE, 100);
		new TextInputReader(new JsonInputFormatSpec(), new InputRowFactory(schema.timestampSpec()))
			.read(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), pipeline);
		assertThat(pipeline.rejected().saved()).extracting(RowRejection::position).containsExactly(4L);
	}

	@Test
	void onlyTheFirstRejectionsAreKeptButAllAreCounted() {
		StringBuilder ndjson = new StringBuilder();
		for (int i = 0; i < 50; i++) {
			ndjson.append(i % 2 == 0 ? good(i % 60, "a", "1") : "{broken").append('\n');
		}
		DataSchema schema = UsageRows.schema(false, Granularity.none(), Granularity.named("day"));
		IndexingPipeline pipeline = new IndexingPipeline(schema, this.directory, "v1", 1_000, Long.MAX_VALUE, 3);
		new TextInputReader(new JsonInputFormatSpec(), new InputRowFactory(schema.timestampSpec()))
			.read(new ByteArrayInputStream(ndjson.toString().getBytes(StandardCharsets.UTF_8)), pipeline);
		assertThat(pipeline.rejected().count()).isEqualTo(25);
		assertThat(pipeline.rejected().saved()).extracting(RowRejection::position).containsExactly(2L, 4L, 6L);
		assertThat(pipeline.processed()).isEqualTo(25);
	}

}
