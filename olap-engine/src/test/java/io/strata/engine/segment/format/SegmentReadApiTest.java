package io.strata.engine.segment.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.ingest.IndexPersister;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.testing.UsageRows;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a segment answers callers that ask for the wrong thing: errors that say who must act. */
class SegmentReadApiTest {

	private static final SegmentId ID = new SegmentId("usage", Interval.parse("2026-10-01/2026-10-02"), "v1", 3);

	@TempDir
	Path directory;

	private Path persist(int rows) {
		DataSchema schema = UsageRows.schema(false, Granularity.none(), Granularity.named("day"));
		IncrementalIndex index = new IncrementalIndex(schema);
		UsageRows.generate(UsageRows.DENSE_DAY.withEvents(rows)).forEach(row -> index.add(row.toInputRow()));
		Path file = this.directory.resolve("s" + rows + ".strata");
		new IndexPersister().persist(index, ID, file);
		return file;
	}

	@Test
	void wrongColumnsAndRowsAreCallerErrorsNotCorruption() {
		try (Segment segment = new SegmentFileReader().open(persist(100))) {
			assertThat(segment.id()).isEqualTo(ID);
			assertThat(ID.toString()).isEqualTo("usage_2026-10-01T00:00:00.000Z_2026-10-02T00:00:00.000Z_v1_3");
			assertThatThrownBy(() -> segment.stringColumn("nope")).isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND))
				.hasMessageContaining("Column[nope]")
				.hasMessageContaining(ID.toString());
			assertThatThrownBy(() -> segment.stringColumn("statusCode")).isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
			assertThatThrownBy(() -> segment.numericColumn("accountId")).isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
			assertThatThrownBy(() -> segment.sketchColumn("count")).isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT));

			StringColumn accounts = segment.stringColumn("accountId");
			int size = accounts.dictionary().size();
			assertThatThrownBy(() -> accounts.bitmap(size)).isInstanceOf(IndexOutOfBoundsException.class);
			assertThatThrownBy(() -> accounts.bitmap(-1)).isInstanceOf(IndexOutOfBoundsException.class);
			assertThatThrownBy(() -> accounts.dictionary().get(size)).isInstanceOf(IndexOutOfBoundsException.class);
			assertThatThrownBy(() -> segment.stringColumn("region").dictionary().get(-1))
				.isInstanceOf(IndexOutOfBoundsException.class);
			assertThatThrownBy(() -> accounts.open().getId(100)).isInstanceOf(IndexOutOfBoundsException.class);
			assertThatThrownBy(() -> segment.stringColumn("bundles").open().getId(0))
				.isInstanceOf(IllegalStateException.class);
			assertThatThrownBy(() -> segment.numericColumn("count").open().getLong(100))
				.isInstanceOf(IndexOutOfBoundsException.class);
			assertThatThrownBy(() -> segment.numericColumn("count").open().readLongs(90, 11, new long[11]))
				.isInstanceOf(IndexOutOfBoundsException.class);
			assertThatThrownBy(() -> segment.sketchColumn("users").open().getBytes(100))
				.isInstanceOf(IndexOutOfBoundsException.class);
			assertThat(segment.stringColumn("accountId")).isSameAs(accounts);
		}
	}

	@Test
	void anEmptyIndexMakesAnEmptySegment() {
		Path file = persist(0);
		SegmentMetadata metadata = new SegmentFileReader().readMetadata(file);
		assertThat(metadata.numRows()).isZero();
		try (Segment segment = new SegmentFileReader().open(file)) {
			assertThat(segment.numRows()).isZero();
			assertThat(segment.time().rowCount()).isZero();
			segment.time().open().readLongs(0, 0, new long[0]);
			assertThat(segment.stringColumn("accountId").dictionary().size()).isZero();
			assertThat(segment.numericColumn("latencySum").nullRows().isEmpty()).isTrue();
		}
	}

	@Test
	void filesThatAreNoSegmentOrFromAnotherVersionSaySo() throws IOException {
		Path missing = this.directory.resolve("missing.strata");
		assertThatThrownBy(() -> new SegmentFileReader().open(missing)).isInstanceOfSatisfying(StrataException.class,
				ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.IO_FAILURE))
			.hasMessageContaining(missing.toString());
		assertThatThrownBy(() -> new SegmentFileReader().readMetadata(missing)).isInstanceOfSatisfying(
				StrataException.class, ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.IO_FAILURE));

		Path text = this.directory.resolve("text.strata");
		Files.writeString(text, "this is not a segment, but it is long enough to have a header and a trailer");
		assertThatThrownBy(() -> new SegmentFileReader().open(text)).isInstanceOfSatisfying(StrataException.class,
				ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.SEGMENT_CORRUPT))
			.hasMessageContaining("bad header magic");

		byte[] bytes = Files.readAllBytes(persist(10));
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(8, SegmentFormat.VERSION + 1);
		Path future = this.directory.resolve("future.strata");
		Files.write(future, bytes);
		assertThatThrownBy(() -> new SegmentFileReader().open(future)).isInstanceOfSatisfying(StrataException.class,
				ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.SEGMENT_VERSION_UNSUPPORTED))
			.hasMessageContaining("version[" + (SegmentFormat.VERSION + 1) + "]");
	}

	@Test
	void infiniteAndNegativeZeroValuesKeepTheSegmentReadable() {
		NumericColumnWriter time = new NumericColumnWriter(DataSchema.TIME_COLUMN, io.strata.engine.type.ColumnType.LONG, true);
		NumericColumnWriter doubles = new NumericColumnWriter("d", io.strata.engine.type.ColumnType.DOUBLE, false);
		NumericColumnWriter floats = new NumericColumnWriter("f", io.strata.engine.type.ColumnType.FLOAT, false);
		double[] values = { Double.POSITIVE_INFINITY, -0.0, Double.NEGATIVE_INFINITY, Double.NaN, 1.5 };
		for (int i = 0; i < values.length; i++) {
			time.addLong(ID.interval().startMillis() + i);
			doubles.addDouble(values[i]);
			floats.addDouble(values[i]);
		}
		Path file = this.directory.resolve("infinite.strata");
		SegmentMetadata written = new SegmentWriter(ID, false, Granularity.none(), time, java.util.List.of(doubles, floats),
				java.util.List.of(), java.util.List.of())
			.write(file);
		assertThat(new SegmentFileReader().readMetadata(file)).isEqualTo(written);
		try (Segment segment = new SegmentFileReader().open(file)) {
			double[] read = new double[values.length];
			segment.numericColumn("d").open().readDoubles(0, values.length, read);
			assertThat(read).containsExactly(values);
			assertThat(segment.metadata().column("d").minValue()).isEqualTo(Double.NEGATIVE_INFINITY);
			assertThat(segment.metadata().column("f").maxValue()).isEqualTo(Double.POSITIVE_INFINITY);
		}
	}

	@Test
	void aSegmentIsWrittenWholeOrNotAtAll() throws IOException {
		Path file = persist(50);
		try (var files = Files.list(this.directory)) {
			assertThat(files.map(path -> path.getFileName().toString()).toList()).containsExactly("s50.strata");
		}
		// a persist over an existing file replaces it
		DataSchema schema = UsageRows.schema(false, Granularity.none(), Granularity.named("day"));
		new IndexPersister().persist(new IncrementalIndex(schema), ID, file);
		assertThat(new SegmentFileReader().readMetadata(file).numRows()).isZero();
	}

}
