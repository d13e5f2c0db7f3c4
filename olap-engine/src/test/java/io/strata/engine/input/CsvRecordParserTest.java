package io.strata.engine.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.sample.CsvWriter;
import io.strata.sample.UsageDataConfig;
import io.strata.sample.UsageEvent;
import io.strata.sample.UsageEventGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CsvRecordParserTest {

	private static final CsvInputFormatSpec HEADER_PIPES = new CsvInputFormatSpec(List.of(), true, "|", 0);

	@Test
	void readsQuotedValuesWithCommasQuotesAndLineBreaks() {
		CsvRecordParser parser = new CsvRecordParser(HEADER_PIPES);
		assertThat(parser.feed("ts,name,note,tags")).isEqualTo(CsvRecordParser.LineResult.SKIPPED);
		assertThat(parser.feed("2026-10-01,\"Smith, John\",\"say \"\"hi\"\"\",a|b|c"))
			.isEqualTo(CsvRecordParser.LineResult.RECORD);
		assertThat(parser.record()).containsExactly(Map.entry("ts", "2026-10-01"), Map.entry("name", "Smith, John"),
				Map.entry("note", "say \"hi\""), Map.entry("tags", List.of("a", "b", "c")));

		assertThat(parser.feed("2026-10-02,\"two")).isEqualTo(CsvRecordParser.LineResult.INCOMPLETE);
		assertThat(parser.hasPendingLine()).isTrue();
		assertThat(parser.feed("")).isEqualTo(CsvRecordParser.LineResult.INCOMPLETE);
		assertThat(parser.feed("lines\",,\"x\"")).isEqualTo(CsvRecordParser.LineResult.RECORD);
		assertThat(parser.hasPendingLine()).isFalse();
		assertThat(parser.record()).containsEntry("name", "two\n\nlines").containsEntry("note", null)
			.containsEntry("tags", "x");
	}

	@Test
	void emptyAndMissingValuesAreNullAndExtraValuesAreAnError() {
		CsvRecordParser parser = new CsvRecordParser(new CsvInputFormatSpec(List.of("a", "b", "c"), false, "|", 0));
		assertThat(parser.feed("1,,")).isEqualTo(CsvRecordParser.LineResult.RECORD);
		assertThat(parser.record()).containsEntry("a", "1").containsEntry("b", null).containsEntry("c", null);
		assertThat(parser.feed("1")).isEqualTo(CsvRecordParser.LineResult.RECORD);
		assertThat(parser.record()).containsEntry("c", null).hasSize(3);
		assertThat(parser.feed("\"\",\"|\",x||y")).isEqualTo(CsvRecordParser.LineResult.RECORD);
		assertThat(parser.record()).containsEntry("a", null).containsEntry("b", List.of("", ""))
			.containsEntry("c", List.of("x", "", "y"));
		assertThatThrownBy(() -> parser.feed("1,2,3,4")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("4 values but there are 3 columns");
		assertThatThrownBy(() -> parser.feed("\"a\"b,2")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("closing quote");
		assertThat(parser.feed("5,6,7")).isEqualTo(CsvRecordParser.LineResult.RECORD);
	}

	@Test
	void skipsHeaderRowsBeforeTheColumnNames() {
		CsvRecordParser parser = new CsvRecordParser(new CsvInputFormatSpec(List.of(), true, "|", 2));
		assertThat(parser.feed("# exported by x")).isEqualTo(CsvRecordParser.LineResult.SKIPPED);
		assertThat(parser.feed("\"# spans\",\"a, b\"")).isEqualTo(CsvRecordParser.LineResult.SKIPPED);
		assertThat(parser.feed("x,y")).isEqualTo(CsvRecordParser.LineResult.SKIPPED);
		assertThat(parser.feed("1,2")).isEqualTo(CsvRecordParser.LineResult.RECORD);
		assertThat(parser.record()).containsExactly(Map.entry("x", "1"), Map.entry("y", "2"));
	}

	@Test
	void badQuotingInAContinuedRecordDoesNotSwallowTheFollowingRecords() {
		CsvRecordParser parser = new CsvRecordParser(new CsvInputFormatSpec(List.of("a", "b"), false, "|", 0));
		assertThat(parser.feed("\"starts")).isEqualTo(CsvRecordParser.LineResult.INCOMPLETE);
		assertThatThrownBy(() -> parser.feed("ends\" junk,1")).isInstanceOf(IllegalArgumentException.class);
		assertThat(parser.hasPendingLine()).isFalse();
		assertThat(parser.feed("good,2")).isEqualTo(CsvRecordParser.LineResult.RECORD);
		assertThat(parser.record()).containsEntry("a", "good").containsEntry("b", "2");
	}

	@Test
	void textReaderReadsTheSampleCsvLikeTheEvents() throws IOException {
		List<UsageEvent> events = new ArrayList<>();
		new UsageEventGenerator(UsageDataConfig.defaults(5_000)).forEachRemaining(events::add);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new CsvWriter().write(events.iterator(), out);
		RecordingSink sink = new RecordingSink();
		TextInputReader reader = new TextInputReader(HEADER_PIPES,
				new InputRowFactory(TimestampSpec.of("timestamp", TimestampFormat.ISO)));

		long lines = reader.read(new ByteArrayInputStream(out.toByteArray()), sink);

		assertThat(lines).isEqualTo(events.size() + 1);
		assertThat(sink.rejected).isEmpty();
		assertThat(sink.accepted).hasSize(events.size());
		for (int i = 0; i < events.size(); i++) {
			UsageEvent event = events.get(i);
			InputRow row = sink.accepted.get(i);
			assertThat(row.timestampMillis()).isEqualTo(event.timestampMillis());
			assertThat(row.fields().keySet()).containsExactly(CsvWriter.HEADER.split(","));
			assertThat(row.get("accountId")).isEqualTo(event.accountId());
			assertThat(row.get("statusCode")).isEqualTo(Integer.toString(event.statusCode()));
			assertThat(row.getList("bundles")).isEqualTo(new ArrayList<Object>(event.bundles()));
			assertThat(row.get("latencyMs")).isEqualTo(Long.toString(event.latencyMs()));
			assertThat(row.get("userId")).isEqualTo(event.userId());
		}
	}

	@Test
	void textReaderNumbersCsvRejectionsByTheLineWhereTheRecordStarts() {
		String csv = String.join("\n", "timestamp,name,count", // 1
				"2026-10-01T00:00:00Z,\"multi", // 2
				"line\",1", // 3
				"not-a-time,x,2", // 4
				"", // 5 (blank: skipped)
				"2026-10-01T00:00:01Z,\"a, b\",3", // 6
				"2026-10-01T00:00:02Z,x,4,extra", // 7
				",missing,5", // 8
				"2026-10-01T00:00:03Z,\"open", // 9
				"quote\" oops,6", // 10
				"2026-10-01T00:00:04Z,after,7", // 11
				"2026-10-01T00:00:05Z,\"never closed"); // 12
		RecordingSink sink = new RecordingSink();
		new TextInputReader(CsvInputFormatSpec.withHeader(),
				new InputRowFactory(TimestampSpec.of("timestamp", TimestampFormat.AUTO)))
			.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), sink);

		assertThat(sink.accepted).extracting(row -> row.get("name")).containsExactly("multi\nline", "a, b", "after");
		assertThat(sink.rejectedLines()).containsExactly(4L, 7L, 8L, 9L, 12L);
		assertThat(sink.acceptedPositions).as("the line where each record starts").containsExactly(2L, 6L, 11L);
		assertThat(sink.rejected.get(0).reason()).contains("timestamp column[timestamp] is unparseable");
		assertThat(sink.rejected.get(2).reason()).contains("timestamp column[timestamp] is missing");
		assertThat(sink.rejected.get(4).reason()).contains("unterminated");
	}

	@Test
	void specRejectsContradictoryOptions() {
		assertThatThrownBy(() -> new CsvInputFormatSpec(List.of(), false, "|", 0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new CsvInputFormatSpec(List.of("a"), true, "|", 0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new CsvInputFormatSpec(List.of("a"), false, "", 0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(Arrays.asList(CsvInputFormatSpec.withHeader().listDelimiter())).containsExactly("\u0001");
	}

}
