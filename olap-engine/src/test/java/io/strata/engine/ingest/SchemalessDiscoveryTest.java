package io.strata.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.input.InputRow;
import io.strata.engine.input.InputRowFactory;
import io.strata.engine.input.JsonInputFormatSpec;
import io.strata.engine.input.TextInputReader;
import io.strata.engine.input.TimestampFormat;
import io.strata.engine.input.TimestampSpec;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.segment.format.SegmentFormat;
import io.strata.engine.testing.SegmentDump;
import io.strata.engine.time.Granularity;
import io.strata.engine.type.ColumnType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schemaless ingestion (no explicit dimensions) takes root-level fields as dimensions: a field
 * holding a nested JSON object is skipped, as in Druid, rather than rejecting the row; a list of
 * strings still becomes a multi-value dimension.
 */
class SchemalessDiscoveryTest {

	@TempDir
	Path directory;

	@Test
	void nestedObjectsAreSkippedAndListsBecomeMultiValueDimensions() {
		String ndjson = """
				{"timestamp":"2026-10-01T00:00:01Z","account":"a1","meta":{"source":"web","depth":{"x":1}},"tags":["red","blue"]}
				{"timestamp":"2026-10-01T00:00:02Z","meta":{},"account":"a2","tags":["green"]}
				{"timestamp":"2026-10-01T00:00:03Z","account":"a3","tags":[],"meta":{"source":"app"}}
				""";
		DataSchema schema = schema(false);
		IndexingPipeline pipeline = new IndexingPipeline(schema, this.directory, "v1", 1_000, Long.MAX_VALUE, 10);
		new TextInputReader(new JsonInputFormatSpec(), new InputRowFactory(schema.timestampSpec()))
			.read(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), pipeline);
		List<SegmentMetadata> segments = pipeline.finish();

		assertThat(pipeline.rejected().count()).as("%s", pipeline.rejected().saved()).isZero();
		assertThat(pipeline.processed()).isEqualTo(3);
		SegmentMetadata metadata = segments.getFirst();
		assertThat(metadata.dimensionNames()).containsExactly("account", "tags");
		try (Segment segment = new SegmentFileReader().open(this.directory.resolve("segments")
			.resolve(metadata.id().toString())
			.resolve(SegmentFormat.FILE_NAME))) {
			assertThat(segment.stringColumn("tags").hasMultipleValues()).isTrue();
			List<List<Object>> rows = SegmentDump.rows(segment, SegmentDump.Sketches.ESTIMATES);
			// time, account, tags, count; multi-value rows are sorted (sorted_array)
			assertThat(rows).extracting(row -> row.subList(1, 3))
				.containsExactly(List.of("a1", List.of("blue", "red")), List.of("a2", List.of("green")),
						java.util.Arrays.asList("a3", List.of()));
		}
	}

	@Test
	void nestedObjectsAreSkippedWithSchemaDiscoveryToo() {
		DataSchema schema = schema(true);
		IncrementalIndex index = new IncrementalIndex(schema);
		index.add(row(1, Map.of("inner", "value"), 7L, List.of("x", "y")));
		index.add(row(2, Map.of(), 8L, List.of("z")));
		try (IndexReader reader = index.openReader()) {
			assertThat(reader.dimensions()).containsExactly(DimensionSchema.of("plain", ColumnType.STRING),
					DimensionSchema.of("number", ColumnType.LONG), DimensionSchema.of("list", ColumnType.STRING))
				.doesNotContain(DimensionSchema.of("object", ColumnType.STRING));
			assertThat(reader.rowCount()).isEqualTo(2);
			assertThat(reader.dimensionValue(0, 1)).isEqualTo(7L);
			assertThat(reader.dimensionValue(0, 2)).isEqualTo(List.of("x", "y"));
			assertThat(reader.dimensionValue(1, 2)).isEqualTo("z");
		}
	}

	private static InputRow row(long second, Map<String, Object> object, long number, List<String> list) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("timestamp", second * 1_000);
		fields.put("object", object);
		fields.put("plain", "text");
		fields.put("number", number);
		fields.put("list", list);
		return new InputRow(second * 1_000, fields);
	}

	private static DataSchema schema(boolean useSchemaDiscovery) {
		return new DataSchema("schemaless", TimestampSpec.of("timestamp", TimestampFormat.AUTO),
				new DimensionsSpec(List.of(), List.of(), useSchemaDiscovery, false),
				List.of(new CountAggregatorSpec("count")),
				new GranularitySpec(Granularity.named("day"), Granularity.none(), false, List.of()));
	}

}
