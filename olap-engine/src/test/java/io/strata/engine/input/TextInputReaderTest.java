package io.strata.engine.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.sample.NdjsonWriter;
import io.strata.sample.UsageDataConfig;
import io.strata.sample.UsageEvent;
import io.strata.sample.UsageEventGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TextInputReaderTest {

	private static final InputRowFactory ISO = new InputRowFactory(TimestampSpec.of("timestamp", TimestampFormat.ISO));

	@Test
	void goodRowsGoThroughAndBadOnesAreRejectedWithTheirLineNumbers() {
		String ndjson = String.join("\n", "{\"timestamp\":\"2026-10-01T00:00:00Z\",\"n\":1}", // 1
				"{\"timestamp\":\"2026-10-01T00:00:01Z\",\"n\":", // 2 bad JSON
				"{\"n\":3}", // 3 no timestamp
				"{\"timestamp\":\"yesterday\",\"n\":4}", // 4 unparseable
				"   ", // 5 blank
				"{\"timestamp\":\"2026-10-01T00:00:05Z\",\"n\":5}\r", // 6 CRLF
				"{\"timestamp\":\"\",\"n\":6}", // 7 empty timestamp
				"{\"timestamp\":1790812800000,\"n\":7}", // 8 a number is not iso
				"{\"timestamp\":\"2026-10-01T00:00:09Z\",\"n\":8}"); // 9, no final newline
		RecordingSink sink = new RecordingSink();

		long lines = new TextInputReader(new JsonInputFormatSpec(), ISO)
			.read(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), sink);

		assertThat(lines).isEqualTo(9);
		assertThat(sink.accepted).extracting(row -> row.get("n")).containsExactly(1L, 5L, 8L);
		assertThat(sink.acceptedPositions).as("line numbers of the accepted rows").containsExactly(1L, 6L, 9L);
		assertThat(sink.accepted.get(1).timestampMillis()).isEqualTo(1_790_812_805_000L);
		assertThat(sink.rejectedLines()).containsExactly(2L, 3L, 4L, 7L, 8L);
		assertThat(sink.rejected.get(0).reason()).startsWith("malformed JSON").contains("offset");
		assertThat(sink.rejected.get(1).reason()).isEqualTo("timestamp column[timestamp] is missing");
		assertThat(sink.rejected.get(2).reason()).startsWith("timestamp column[timestamp] is unparseable (iso)")
			.doesNotContain("yesterday");
		assertThat(sink.rejected.get(3).reason()).isEqualTo("timestamp column[timestamp] is missing");
		assertThat(sink.rejected.get(4).reason()).contains("is a number, but the format is iso");
		assertThat(sink.rejected.get(2).input()).isEqualTo("{\"timestamp\":\"yesterday\",\"n\":4}");
	}

	@Test
	void missingValueStandsInForAnAbsentTimestamp() {
		RecordingSink sink = new RecordingSink();
		new TextInputReader(new JsonInputFormatSpec(),
				new InputRowFactory(new TimestampSpec("ts", TimestampFormat.MILLIS, 42L)))
			.read(new ByteArrayInputStream("{\"a\":1}\n{\"ts\":\"7\"}\n{\"ts\":\"x\"}\n".getBytes(StandardCharsets.UTF_8)),
					sink);
		assertThat(sink.accepted).extracting(InputRow::timestampMillis).containsExactly(42L, 7L);
		assertThat(sink.rejectedLines()).containsExactly(3L);
	}

	@Test
	void linesSplitAcrossReadsAndLongerThanTheBufferAreWhole() {
		List<UsageEvent> events = new ArrayList<>();
		new UsageEventGenerator(UsageDataConfig.defaults(3_000)).forEachRemaining(events::add);
		StringBuilder text = new StringBuilder();
		NdjsonWriter writer = new NdjsonWriter();
		for (int i = 0; i < events.size(); i++) {
			text.append(writer.toLine(events.get(i))).append(i % 7 == 0 ? "\r\n" : "\n");
			if (i == 1_000) {
				// one line of 3 MB: longer than the reader's 1 MiB chunk
				text.append("{\"timestamp\":\"2026-10-01T00:00:00Z\",\"big\":\"").append("x".repeat(3 << 20)).append("\"}\n");
			}
		}
		byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
		RecordingSink sink = new RecordingSink();

		long lines = new TextInputReader(new JsonInputFormatSpec(), ISO).read(new TricklingStream(bytes, 99), sink);

		assertThat(lines).isEqualTo(events.size() + 1);
		assertThat(sink.rejected).isEmpty();
		assertThat(sink.accepted).hasSize(events.size() + 1);
		assertThat((String) sink.accepted.get(1_001).get("big")).hasSize(3 << 20);
		for (int i = 0; i < events.size(); i++) {
			InputRow row = sink.accepted.get(i <= 1_000 ? i : i + 1);
			UsageEvent event = events.get(i);
			assertThat(row.timestampMillis()).isEqualTo(event.timestampMillis());
			assertThat(row.get("eventId")).isEqualTo(event.eventId());
			assertThat(row.get("bytes")).isEqualTo(event.bytes());
			assertThat(row.getList("bundles")).isEqualTo(new ArrayList<Object>(event.bundles()));
		}
	}

	@Test
	void rejectedInputIsCutForTheOperator() {
		// an odd number of ASCII bytes first, so that byte 4096 falls inside a two-byte character
		String line = "{\"timestamp\":\"bad\",\"xy\":\"" + "é".repeat(5_000) + "\"}";
		RecordingSink sink = new RecordingSink();
		new TextInputReader(new JsonInputFormatSpec(), ISO)
			.read(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), sink);
		assertThat(sink.rejected).hasSize(1);
		String kept = sink.rejected.getFirst().input();
		assertThat(kept.length()).isLessThanOrEqualTo(RowRejection.MAX_INPUT_CHARS);
		assertThat(line).startsWith(kept.substring(0, kept.length() - 1));
		assertThat(kept).doesNotContain("\uFFFD");
	}

	@Test
	void readErrorsAreIoFailuresNamingTheLine() {
		InputStream failing = new InputStream() {
			private int calls;

			@Override
			public int read() {
				throw new UnsupportedOperationException();
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				if (this.calls++ == 0) {
					byte[] line = "{\"timestamp\":\"2026-10-01\"}\n".getBytes(StandardCharsets.UTF_8);
					System.arraycopy(line, 0, b, off, line.length);
					return line.length;
				}
				throw new IOException("disk gone");
			}
		};
		RecordingSink sink = new RecordingSink();
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new TextInputReader(new JsonInputFormatSpec(), ISO).read(failing, sink))
			.isInstanceOf(io.strata.engine.error.StrataException.class)
			.hasMessageContaining("line[1]")
			.hasCauseInstanceOf(IOException.class);
		assertThat(sink.accepted).hasSize(1);
	}

	/** Hands out its bytes a few at a time, as a socket might. */
	private static final class TricklingStream extends InputStream {

		private final byte[] bytes;

		private final SplittableRandom random;

		private int position;

		TricklingStream(byte[] bytes, long seed) {
			this.bytes = bytes;
			this.random = new SplittableRandom(seed);
		}

		@Override
		public int read() {
			return this.position < this.bytes.length ? this.bytes[this.position++] & 0xFF : -1;
		}

		@Override
		public int read(byte[] target, int offset, int length) {
			if (this.position >= this.bytes.length) {
				return -1;
			}
			int count = Math.min(Math.min(length, 1 + this.random.nextInt(this.random.nextBoolean() ? 20 : 200_000)),
					this.bytes.length - this.position);
			System.arraycopy(this.bytes, this.position, target, offset, count);
			this.position += count;
			return count;
		}

	}

	@Test
	void sampleNdjsonOfManyRowsParsesLikeTheEvents() throws IOException {
		List<UsageEvent> events = new ArrayList<>();
		new UsageEventGenerator(UsageDataConfig.defaults(20_000)).forEachRemaining(events::add);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new NdjsonWriter().write(events.iterator(), out);
		RecordingSink sink = new RecordingSink();
		new TextInputReader(new JsonInputFormatSpec(), ISO).read(new ByteArrayInputStream(out.toByteArray()), sink);
		assertThat(sink.accepted).hasSize(events.size());
		for (int i = 0; i < events.size(); i++) {
			UsageEvent event = events.get(i);
			InputRow row = sink.accepted.get(i);
			assertThat(row.timestampMillis()).isEqualTo(event.timestampMillis());
			assertThat(row.get("statusCode")).isEqualTo((long) event.statusCode());
			assertThat(row.get("region")).isEqualTo(event.region());
			assertThat(row.get("latencyMs")).isEqualTo(event.latencyMs());
		}
	}

}
