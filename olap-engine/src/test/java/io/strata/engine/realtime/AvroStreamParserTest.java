package io.strata.engine.realtime;

import io.strata.engine.input.AvroStreamParser;
import io.strata.engine.input.InlineSchemaAvroBytesDecoder;
import io.strata.engine.input.InputRow;
import io.strata.engine.input.InputRowFactory;
import io.strata.engine.input.TimestampFormat;
import io.strata.engine.input.TimestampSpec;
import io.strata.engine.testing.TestSegments;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code avro_stream} path: Avro messages to rows, and bad messages to rejections with their offset. */
class AvroStreamParserTest {

	private static final Schema SCHEMA = SchemaBuilder.record("Event").fields()
		.requiredLong("ts")
		.requiredString("page")
		.optionalInt("code")
		.endRecord();

	private static final InputRowFactory ROWS = new InputRowFactory(TimestampSpec.of("ts", TimestampFormat.MILLIS));

	@TempDir
	Path work;

	@Test
	void decodesMessagesIntoRows() {
		AvroStreamParser parser = new AvroStreamParser(new InlineSchemaAvroBytesDecoder(SCHEMA), ROWS, false);
		InputRow first = parser.parse(encode(1_000L, "home", 200));
		InputRow second = parser.parse(encode(2_000L, "cart", null));
		assertThat(first.timestampMillis()).isEqualTo(1_000L);
		assertThat(first.fields()).containsEntry("page", "home").containsEntry("code", 200L);
		// the decoder reuses its record: the first row must not change
		assertThat(first.get("page")).isEqualTo("home");
		assertThat(second.fields()).containsEntry("page", "cart").containsEntry("code", null);
	}

	@Test
	void badMessagesAreRejectedWithTheirReason() {
		AvroStreamParser parser = new AvroStreamParser(new InlineSchemaAvroBytesDecoder(SCHEMA), ROWS, false);
		byte[] good = encode(1_000L, "home", 200);
		assertThatThrownBy(() -> parser.parse(Arrays.copyOf(good, 3))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("unparseable Avro message:");
		byte[] longer = Arrays.copyOf(good, good.length + 2);
		assertThatThrownBy(() -> parser.parse(longer)).hasMessageContaining("bytes left after the record");
		AvroStreamParser unknownSchema = new AvroStreamParser(message -> {
			throw new IllegalStateException("schema id[42] is not in the registry");
		}, ROWS, false);
		assertThatThrownBy(() -> unknownSchema.parse(good)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("schema id[42] is not in the registry");
	}

	@Test
	void theAppenderCountsBadMessagesWithTheirOffsets() {
		AvroStreamParser parser = new AvroStreamParser(new InlineSchemaAvroBytesDecoder(SCHEMA), ROWS, false);
		RealtimeTuning tuning = RealtimeTuning.DEFAULTS.withParseExceptions(10, 10);
		try (StreamAppender appender = StreamAppender.restore(TestSegments.schema("""
				{"dataSource": "events", "timestampSpec": {"column": "ts", "format": "millis"},
				 "dimensionsSpec": {"dimensions": ["page"]}, "metricsSpec": [{"type": "count", "name": "count"}],
				 "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "minute"}}"""), tuning,
				this.work)) {
			appender.add(0, 10, encode(1_000L, "home", 200), parser, 0);
			appender.add(0, 11, new byte[] { (byte) 0xff, 1, 2 }, parser, 0);
			appender.add(0, 12, new byte[] { 2, 'a' }, parser, 0);
			assertThat(appender.processed()).isEqualTo(1);
			assertThat(appender.unparseable()).isEqualTo(2);
			assertThat(appender.savedParseErrors()).extracting(error -> error.rejection().position())
				.isEqualTo(List.of(11L, 12L));
			assertThat(appender.savedParseErrors().getFirst().rejection().reason()).startsWith("unparseable Avro message");
		}
	}

	private static byte[] encode(long ts, String page, Integer code) {
		GenericRecord record = new GenericData.Record(SCHEMA);
		record.put("ts", ts);
		record.put("page", page);
		record.put("code", code);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
		try {
			new GenericDatumWriter<GenericRecord>(SCHEMA).write(record, encoder);
			encoder.flush();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

}
