package io.strata.engine.batch;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.input.AvroOcfInputFormatSpec;
import io.strata.engine.input.InputFormatSpec;
import io.strata.engine.input.JsonInputFormatSpec;
import io.strata.engine.input.ParseError;
import io.strata.engine.input.source.InlineInputSource;
import io.strata.engine.input.source.LocalInputSource;
import io.strata.engine.testing.UsageRows;
import io.strata.engine.time.Granularity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unparseable rows of a batch input: counted, reported with their file and line, and limited. */
class BatchParseErrorsTest {

	private static final DataSchema SCHEMA = UsageRows.schema(true, Granularity.named("minute"),
			Granularity.named("day"));

	private static final String GOOD = "{\"timestamp\":\"2026-10-01T00:00:0%dZ\",\"accountId\":\"acct-1\",\"apiName\":\"a\","
			+ "\"statusCode\":200,\"plan\":\"pro\",\"userId\":\"u1\",\"latencyMs\":10,\"bytes\":5}";

	/** Lines 3 (bad JSON) and 5 (a long dimension that is no number, refused by the index) are bad. */
	private static final String INPUT = String.join("\n", GOOD.formatted(1), GOOD.formatted(2),
			"{\"timestamp\":\"2026-10-01T00:00:03Z\",\"accountId\":", GOOD.formatted(4),
			GOOD.formatted(5).replace("\"statusCode\":200", "\"statusCode\":\"abc\""), GOOD.formatted(6)) + "\n";

	private static BatchIngestionResult ingest(io.strata.engine.input.InputSource source, InputFormatSpec format,
			int maxParseExceptions, int maxSaved, Path work) {
		BatchTuningConfig tuning = BatchTuningConfig.defaults(DynamicPartitionsSpec.defaults())
			.withParseExceptions(maxParseExceptions, maxSaved);
		return new BatchIngestion(SCHEMA, source, format, tuning).run("v1", work);
	}

	@Test
	void badRowsAreCountedAndTheFirstOnesKeptWithTheirInputAndLine(@TempDir Path work) {
		BatchIngestionResult result = ingest(new InlineInputSource(INPUT), new JsonInputFormatSpec(), Integer.MAX_VALUE,
				1, work);
		assertThat(result.processed()).isEqualTo(4);
		assertThat(result.unparseable()).isEqualTo(2);
		assertThat(result.parseErrors()).hasSize(1);
		ParseError first = result.parseErrors().getFirst();
		assertThat(first.source()).isEqualTo("inline");
		assertThat(first.rejection().position()).isEqualTo(3);
		assertThat(first.describe()).startsWith("input[inline] line[3]: malformed JSON");
		assertThat(result.segments()).hasSize(1);
		// the four good rows share one minute and every dimension: they roll up into one row
		assertThat(result.segments().getFirst().rowCount()).isEqualTo(1);
	}

	@Test
	void rowsRefusedByTheIndexAreReportedWithTheirLine(@TempDir Path work) {
		BatchIngestionResult result = ingest(new InlineInputSource(INPUT), new JsonInputFormatSpec(), Integer.MAX_VALUE,
				10, work);
		assertThat(result.parseErrors()).extracting(error -> error.rejection().position()).containsExactly(3L, 5L);
		assertThat(result.parseErrors().get(1).describe()).contains("line[5]").contains("statusCode")
			.doesNotContain("abc");
	}

	@Test
	void passingMaxParseExceptionsFailsNamingTheFileAndLine(@TempDir Path work) {
		Path file = UsageFiles.write(work.resolve("input/day.json"), INPUT);
		LocalInputSource source = new LocalInputSource(null, null, List.of(file));
		assertThatThrownBy(() -> ingest(source, new JsonInputFormatSpec(), 1, 0, work.resolve("first")))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.UNPARSEABLE_ROW))
			.hasMessageContaining("Max parse exceptions[1] exceeded")
			.hasMessageContaining("input[" + file + "] line[5]");
		assertThat(ingest(source, new JsonInputFormatSpec(), 2, 0, work.resolve("second")).unparseable()).isEqualTo(2);
		assertThatThrownBy(() -> ingest(source, new JsonInputFormatSpec(), 0, 0, work.resolve("third")))
			.hasMessageContaining("input[" + file + "] line[3]");
	}

	@Test
	void aFileThatIsNotOfItsFormatFailsNamingIt(@TempDir Path work) {
		Path file = UsageFiles.write(work.resolve("input/day.avro"), INPUT);
		LocalInputSource source = new LocalInputSource(null, null, List.of(file));
		assertThatThrownBy(() -> ingest(source, new AvroOcfInputFormatSpec(false), Integer.MAX_VALUE, 0, work))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("Input[" + file + "] is not a readable Avro container file");
	}

}
