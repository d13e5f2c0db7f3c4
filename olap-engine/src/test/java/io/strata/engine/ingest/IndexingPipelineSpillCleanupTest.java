package io.strata.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.testing.UsageRow;
import io.strata.engine.testing.UsageRows;
import io.strata.engine.time.Granularity;
import io.strata.sample.UsageDataConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the final merge of {@link IndexingPipeline#finish()} fails, the spill files of every
 * interval are deleted all the same, not left behind in the work directory.
 */
class IndexingPipelineSpillCleanupTest {

	@TempDir
	Path directory;

	@Test
	void spillsAreDeletedWhenASpillCannotBeRead() throws IOException {
		IndexingPipeline pipeline = fill();
		List<Path> spills = spills();
		assertThat(spills).hasSizeGreaterThanOrEqualTo(4);
		// the first spill (of the first day) is cut short: its merge fails
		Path first = this.directory.resolve("spill").resolve("spill-0.strata");
		Files.write(first, java.util.Arrays.copyOf(Files.readAllBytes(first), 100));

		assertThatThrownBy(pipeline::finish).isInstanceOfSatisfying(StrataException.class,
				ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.SEGMENT_CORRUPT));
		assertThat(spills()).as("spills of every day are deleted").isEmpty();
	}

	@Test
	void spillsAreDeletedWhenTheMergedSegmentCannotBeWritten() throws IOException {
		IndexingPipeline pipeline = fill();
		assertThat(spills()).hasSizeGreaterThanOrEqualTo(4);
		// a file where the segments directory should be: writing the merged segment fails
		Files.writeString(this.directory.resolve("segments"), "in the way");

		assertThatThrownBy(pipeline::finish).isInstanceOfSatisfying(StrataException.class,
				ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.IO_FAILURE));
		assertThat(spills()).as("spills of every day are deleted").isEmpty();
	}

	/** Two days of rows with spills on disk for both, and rows still in memory. */
	private IndexingPipeline fill() {
		List<UsageRow> rows = UsageRows.generate(UsageDataConfig.defaults(3_000));
		DataSchema schema = UsageRows.schema(false, Granularity.none(), Granularity.named("day"));
		IndexingPipeline pipeline = new IndexingPipeline(schema, this.directory, "v1", 25, Long.MAX_VALUE, 10);
		long firstDay = Granularity.named("day").bucketStart(rows.getFirst().timestamp());
		rows.stream()
			.filter(row -> row.timestamp() < firstDay + 2 * 86_400_000L)
			.forEach(row -> pipeline.accept(row.toInputRow()));
		return pipeline;
	}

	private List<Path> spills() throws IOException {
		try (Stream<Path> files = Files.list(this.directory.resolve("spill"))) {
			return files.toList();
		}
	}

}
