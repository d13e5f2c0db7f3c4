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
import io.strata.engine.testing.SegmentDump;
import io.strata.engine.testing.UsageRow;
import io.strata.engine.testing.UsageRows;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A truncated or damaged segment file must fail with SEGMENT_CORRUPT naming the segment (and the
 * column, for column damage), never return a wrong value.
 */
class SegmentCorruptionTest {

	private static final SegmentId ID = new SegmentId("usage", Interval.parse("2026-10-01/2026-10-02"), "v1", 0);

	@TempDir
	Path directory;

	private Path file;

	private byte[] original;

	private List<List<Object>> originalRows;

	private final SegmentFileReader reader = new SegmentFileReader();

	@BeforeEach
	void writeSegment() throws IOException {
		// small, with every column type, nulls, a multi-value column and more than one sketch block
		DataSchema schema = UsageRows.schema(false, Granularity.none(), Granularity.named("day"));
		IncrementalIndex index = new IncrementalIndex(schema);
		for (UsageRow row : UsageRows.generate(UsageRows.DENSE_DAY.withEvents(300))) {
			index.add(row.toInputRow());
		}
		this.file = this.directory.resolve("segment.strata");
		new IndexPersister().persist(index, ID, this.file);
		this.original = Files.readAllBytes(this.file);
		try (Segment segment = this.reader.open(this.file)) {
			this.originalRows = readEverything(segment);
		}
	}

	@Test
	void truncatedFilesAreCorrupt() throws IOException {
		int size = this.original.length;
		long metadataOffset = trailer().getLong(0);
		for (long length : new long[] { 0, 1, 8, 11, 12, 39, 40, 100, size / 2, metadataOffset, metadataOffset + 5,
				size - 28, size - 27, size - 1 }) {
			Path cut = this.directory.resolve("cut-" + length + ".strata");
			Files.write(cut, java.util.Arrays.copyOf(this.original, (int) length));
			assertCorrupt(() -> this.reader.open(cut).close(), cut.toString());
			assertCorrupt(() -> this.reader.readMetadata(cut), cut.toString());
		}
	}

	@Test
	void damagedMetadataIsCorrupt() throws IOException {
		long metadataOffset = trailer().getLong(0);
		int metadataLength = trailer().getInt(8);
		flip(metadataOffset + metadataLength / 2);
		assertCorrupt(() -> this.reader.open(this.file).close(), this.file.toString());
		assertCorrupt(() -> this.reader.readMetadata(this.file), this.file.toString());
	}

	@Test
	void aDamagedPartFailsNamingItsColumn() throws IOException {
		java.util.Set<String> damaged = new java.util.TreeSet<>();
		for (Map.Entry<String, JsonNode> column : columns().entrySet()) {
			for (Map.Entry<String, JsonNode> part : column.getValue().get("parts").properties()) {
				long offset = part.getValue().get("offset").longValue();
				long length = part.getValue().get("length").longValue();
				boolean blocks = part.getValue().get("blocks").booleanValue();
				// for block parts, a byte of the first block's stored data (after the directory and the block header)
				long at = blocks ? offset + 4 + 8L * (blockCount(offset) + 1) + 9 + 3 : offset + length / 2;
				if (at >= offset + length) {
					continue;
				}
				Files.write(this.file, this.original);
				flip(at);
				String what = column.getKey() + "." + part.getKey();
				damaged.add(part.getKey());
				// the metadata does not look at column data
				SegmentMetadata metadata = this.reader.readMetadata(this.file);
				assertThat(metadata.numRows()).isEqualTo(300);
				try (Segment segment = this.reader.open(this.file)) {
					assertThatThrownBy(() -> readEverything(segment)).as(what)
						.isInstanceOfSatisfying(StrataException.class,
								ex -> assertThat(ex.errorCode()).as(what).isEqualTo(ErrorCode.SEGMENT_CORRUPT))
						.hasMessageContaining("Segment[" + ID + "]")
						.hasMessageContaining("column[" + column.getKey() + "]");
				}
			}
		}
		assertThat(damaged).containsExactlyInAnyOrder("values", "nulls", "dictionary", "ids", "bitmaps", "counts",
				"valueStarts");
	}

	@Test
	void aDamagedBlockHeaderFailsNamingItsColumn() throws IOException {
		java.util.Set<String> damaged = new java.util.TreeSet<>();
		for (Map.Entry<String, JsonNode> column : columns().entrySet()) {
			for (Map.Entry<String, JsonNode> part : column.getValue().get("parts").properties()) {
				if (!part.getValue().get("blocks").booleanValue()) {
					continue;
				}
				long offset = part.getValue().get("offset").longValue();
				int blocks = blockCount(offset);
				if (blocks == 0) {
					continue;
				}
				// the header of the last block: codec byte, then the little-endian decoded length
				long header = ByteBuffer.wrap(this.original, (int) (offset + 4 + 8L * (blocks - 1)), 8)
					.order(ByteOrder.LITTLE_ENDIAN)
					.getLong() + offset;
				for (int at : new int[] { 0, 1, 2 }) {
					byte[] bytes = this.original.clone();
					bytes[(int) (header + at)] ^= 0x01;
					Files.write(this.file, bytes);
					String what = column.getKey() + "." + part.getKey() + " header byte " + at;
					damaged.add(part.getKey());
					try (Segment segment = this.reader.open(this.file)) {
						assertThatThrownBy(() -> readEverything(segment)).as(what)
							.isInstanceOfSatisfying(StrataException.class,
									ex -> assertThat(ex.errorCode()).as(what).isEqualTo(ErrorCode.SEGMENT_CORRUPT))
							.hasMessageContaining("Segment[" + ID + "]")
							.hasMessageContaining("column[" + column.getKey() + "]");
					}
				}
			}
		}
		assertThat(damaged).contains("values", "ids");
	}

	@Test
	void noSingleByteDamageAnywhereGivesAWrongValue() throws IOException {
		List<String> failures = new ArrayList<>();
		for (int position = 0; position < this.original.length; position++) {
			byte[] damaged = this.original.clone();
			damaged[position] ^= (byte) (1 << (position % 8));
			Files.write(this.file, damaged);
			try (Segment segment = this.reader.open(this.file)) {
				List<List<Object>> rows = readEverything(segment);
				if (!rows.equals(this.originalRows)) {
					failures.add(position + ": wrong values");
				}
			}
			catch (StrataException ex) {
				if (ex.errorCode() != ErrorCode.SEGMENT_CORRUPT && ex.errorCode() != ErrorCode.SEGMENT_VERSION_UNSUPPORTED) {
					failures.add(position + ": " + ex.errorCode() + " " + ex.getMessage());
				}
				else if (!ex.getMessage().contains(ID.toString()) && !ex.getMessage().contains(this.file.toString())) {
					failures.add(position + ": does not name the segment: " + ex.getMessage());
				}
			}
			catch (RuntimeException | Error ex) {
				failures.add(position + ": " + ex);
			}
		}
		assertThat(failures).as("of %d bytes", this.original.length).isEmpty();
	}

	// ---- helpers ----

	private static List<List<Object>> readEverything(Segment segment) {
		List<List<Object>> rows = SegmentDump.rows(segment, SegmentDump.Sketches.BYTES);
		rows.add(SegmentDump.dictionariesAndBitmaps(segment));
		// deserialize every sketch too: DataSketches must not be handed bytes that fail its checks
		for (var aggregator : segment.metadata().aggregators()) {
			if (aggregator.storedType().isSketch()) {
				var values = segment.sketchColumn(aggregator.name()).open();
				for (int row = 0; row < segment.numRows(); row++) {
					values.getSketch(row);
				}
			}
		}
		return rows;
	}

	private void assertCorrupt(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String named) {
		assertThatThrownBy(call).as(named)
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.SEGMENT_CORRUPT))
			.hasMessageContaining(named);
	}

	private ByteBuffer trailer() {
		return ByteBuffer.wrap(this.original, this.original.length - 28, 28).slice().order(ByteOrder.LITTLE_ENDIAN);
	}

	private Map<String, JsonNode> columns() {
		long offset = trailer().getLong(0);
		int length = trailer().getInt(8);
		String json = new String(this.original, (int) offset, length, StandardCharsets.UTF_8);
		Map<String, JsonNode> columns = new java.util.LinkedHashMap<>();
		for (JsonNode column : JsonMapper.builder().build().readTree(json).get("columns").values()) {
			columns.put(column.get("name").stringValue(), column);
		}
		assertThat(columns).containsKeys("__time", "accountId", "bundles", "statusCode", "latencySum", "users");
		return columns;
	}

	private int blockCount(long partOffset) {
		return ByteBuffer.wrap(this.original, (int) partOffset, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
	}

	private void flip(long position) throws IOException {
		byte[] damaged = Files.readAllBytes(this.file);
		damaged[(int) position] ^= 0x10;
		Files.write(this.file, damaged);
	}

}
