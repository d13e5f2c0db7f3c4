package io.strata.engine.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.DimensionSchema;
import io.strata.engine.ingest.DimensionsSpec;
import io.strata.engine.ingest.GranularitySpec;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.ingest.IndexPersister;
import io.strata.engine.input.InputRow;
import io.strata.engine.input.TimestampFormat;
import io.strata.engine.input.TimestampSpec;
import io.strata.engine.json.SpecNode;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.column.SketchValues;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HLLSketchBuild hashes strings as Druid does: by default their UTF-16LE chars (so sketches union
 * with Druid-built ones), or their UTF-8 bytes with {@code "stringEncoding": "utf8"}. Checked
 * against sketches built directly with DataSketches, byte for byte.
 */
class HllStringEncodingTest {

	private static final SegmentId ID = new SegmentId("hll", Interval.parse("2026-10-01/2026-10-02"), "v1", 0);

	/** ASCII, Latin-1, CJK and a surrogate pair: UTF-8 and UTF-16 differ for each kind. */
	private static final List<Object> VALUES = List.of("abc", "déjà vu", "日本語", "😀 emoji", "abc", "",
			List.of("list-one", "list-two"));

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@TempDir
	Path directory;

	@Test
	void persistedSketchesEqualDataSketchesBuiltWithEachEncoding() {
		HllSketchAggregatorSpec utf16 = (HllSketchAggregatorSpec) read(
				"{\"type\":\"HLLSketchBuild\",\"name\":\"utf16\",\"fieldName\":\"user\"}");
		HllSketchAggregatorSpec utf8 = (HllSketchAggregatorSpec) read(
				"{\"type\":\"HLLSketchBuild\",\"name\":\"utf8\",\"fieldName\":\"user\",\"stringEncoding\":\"utf8\"}");
		assertThat(utf16.stringEncoding()).isEqualTo(HllSketchAggregatorSpec.UTF16LE);
		assertThat(utf8.stringEncoding()).isEqualTo(HllSketchAggregatorSpec.UTF8);
		assertThat(utf16.lgK()).isEqualTo(12);
		assertThat(utf16.tgtHllType()).isEqualTo("HLL_4");

		DataSchema schema = new DataSchema("hll", TimestampSpec.of("timestamp", TimestampFormat.AUTO),
				DimensionsSpec.explicit(List.of(DimensionSchema.string("k"))), List.of(utf16, utf8),
				new GranularitySpec(Granularity.named("day"), Granularity.all(), true, List.of()));
		IncrementalIndex index = new IncrementalIndex(schema, ID.interval(), List.of());
		long time = ID.interval().startMillis();
		for (Object value : VALUES) {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("timestamp", time);
			fields.put("k", "same");
			fields.put("user", value);
			index.add(new InputRow(time++, fields));
		}
		Path file = this.directory.resolve("hll.strata");
		new IndexPersister().persist(index, ID, file);

		byte[] expectedUtf16 = direct(sketch -> VALUES.forEach(value -> updateAll(value,
				text -> sketch.update(text.toCharArray()))));
		byte[] expectedUtf8 = direct(sketch -> VALUES.forEach(value -> updateAll(value, sketch::update)));
		assertThat(expectedUtf16).as("the encodings hash differently").isNotEqualTo(expectedUtf8);
		try (Segment segment = new SegmentFileReader().open(file)) {
			assertThat(segment.numRows()).isEqualTo(1);
			assertThat(segment.metadata().aggregators()).containsExactly(utf16, utf8);
			byte[] actualUtf16 = bytes(segment, "utf16");
			byte[] actualUtf8 = bytes(segment, "utf8");
			assertThat(actualUtf16).isEqualTo(expectedUtf16);
			assertThat(actualUtf8).isEqualTo(expectedUtf8);
			// 6 distinct non-empty strings
			assertThat(HllSketch.heapify(actualUtf16).getEstimate()).isCloseTo(6.0,
					org.assertj.core.data.Offset.offset(0.01));
		}
	}

	@Test
	void stringEncodingIsReadValidatedAndWrittenBack() {
		for (String encoding : List.of("utf8", "utf16le")) {
			AggregatorSpec spec = read("{\"type\":\"HLLSketchBuild\",\"name\":\"u\",\"fieldName\":\"user\","
					+ "\"stringEncoding\":\"" + encoding + "\"}");
			JsonNode written = AggregatorSpecJson.write(spec);
			assertThat(written.get("stringEncoding").stringValue()).isEqualTo(encoding);
			assertThat(read(MAPPER.writeValueAsString(written))).isEqualTo(spec);
		}
		// the default is Druid's, and it is written out too
		AggregatorSpec defaulted = read("{\"type\":\"HLLSketchBuild\",\"name\":\"u\",\"fieldName\":\"user\"}");
		assertThat(AggregatorSpecJson.write(defaulted).get("stringEncoding").stringValue()).isEqualTo("utf16le");
		// Druid reads the encoding's name in any case
		assertThat(((HllSketchAggregatorSpec) read("{\"type\":\"HLLSketchMerge\",\"name\":\"u\",\"fieldName\":\"s\","
				+ "\"stringEncoding\":\"UTF8\"}")).stringEncoding()).isEqualTo("utf8");

		for (String bad : List.of("\"latin1\"", "\"utf-8\"", "\"\"")) {
			assertThatThrownBy(() -> read("{\"type\":\"HLLSketchBuild\",\"name\":\"u\",\"fieldName\":\"user\","
					+ "\"stringEncoding\":" + bad + "}"))
				.as(bad)
				.isInstanceOfSatisfying(StrataException.class,
						ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_SPEC))
				.hasMessageContaining("field[metric")
				.hasMessageContaining("stringEncoding");
		}
		assertThatThrownBy(() -> read("{\"type\":\"HLLSketchBuild\",\"name\":\"u\",\"fieldName\":\"user\","
				+ "\"stringEncoding\":8}"))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_SPEC))
			.hasMessageContaining("field[metric.stringEncoding]");
	}

	private static AggregatorSpec read(String json) {
		return AggregatorSpecJson.read(SpecNode.root(MAPPER.readTree(json), "metric"));
	}

	private static void updateAll(Object value, Consumer<String> update) {
		if (value instanceof List<?> list) {
			list.forEach(element -> update.accept((String) element));
		}
		else {
			update.accept((String) value);
		}
	}

	private static byte[] direct(Consumer<HllSketch> updates) {
		HllSketch sketch = new HllSketch(12, TgtHllType.HLL_4);
		updates.accept(sketch);
		return sketch.toCompactByteArray();
	}

	private static byte[] bytes(Segment segment, String column) {
		SketchValues values = segment.sketchColumn(column).open();
		return values.getBytes(0);
	}

}
