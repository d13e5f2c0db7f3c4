package io.strata.engine.segment.format;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.type.ColumnType;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.SketchColumn;
import io.strata.engine.segment.column.StringColumn;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * A segment read from a memory-mapped file. Columns are opened on first use (their plain parts
 * checksummed then) and cached. Thread-safe. Closing unmaps the file.
 */
final class MappedSegment implements Segment {

	private final SegmentMetadata metadata;

	private final Map<String, Map<String, PartLocation>> layout;

	private final MemorySegment file;

	private final Arena arena;

	private final Map<String, Object> columns = new ConcurrentHashMap<>();

	MappedSegment(SegmentMetadata metadata, Map<String, Map<String, PartLocation>> layout, MemorySegment file,
			Arena arena) {
		this.metadata = metadata;
		this.layout = layout;
		this.file = file;
		this.arena = arena;
	}

	@Override
	public SegmentMetadata metadata() {
		return this.metadata;
	}

	@Override
	public NumericColumn time() {
		return numericColumn(this.metadata.time().name());
	}

	@Override
	public StringColumn stringColumn(String name) {
		ColumnSummary summary = summary(name, ColumnType.STRING);
		return (StringColumn) this.columns.computeIfAbsent(name,
				key -> guarded(name, () -> new MappedStringColumn(this, summary, parts(name))));
	}

	@Override
	public NumericColumn numericColumn(String name) {
		ColumnSummary summary = summary(name, null);
		if (!summary.type().isNumeric()) {
			throw wrongType(name, summary.type(), "numeric");
		}
		return (NumericColumn) this.columns.computeIfAbsent(name,
				key -> guarded(name, () -> new MappedNumericColumn(this, summary, parts(name))));
	}

	@Override
	public SketchColumn sketchColumn(String name) {
		ColumnSummary summary = summary(name, null);
		if (!summary.type().isSketch()) {
			throw wrongType(name, summary.type(), "sketch");
		}
		int index = this.metadata.metricNames().indexOf(name);
		return (SketchColumn) this.columns.computeIfAbsent(name, key -> guarded(name,
				() -> new MappedSketchColumn(this, summary, parts(name), this.metadata.aggregators().get(index))));
	}

	@Override
	public void close() {
		this.arena.close();
	}

	/** The bytes of a part; plain parts are checked against their CRC32C here. */
	MemorySegment part(String column, String partName) {
		PartLocation location = parts(column).get(partName);
		if (location == null) {
			throw corrupt(column, "has no part " + partName);
		}
		MemorySegment bytes = this.file.asSlice(location.offset(), location.length());
		if (!location.blocks()) {
			CRC32C crc = new CRC32C();
			crc.update(bytes.asByteBuffer());
			if ((int) crc.getValue() != location.crc32c()) {
				throw corrupt(column, "part " + partName + " fails its checksum");
			}
		}
		return bytes;
	}

	boolean hasPart(String column, String partName) {
		return parts(column).containsKey(partName);
	}

	StrataException corrupt(String column, String problem) {
		return new StrataException(ErrorCode.SEGMENT_CORRUPT,
				"Segment[" + this.metadata.id() + "] column[" + column + "] is corrupt: " + problem);
	}

	/** Runs {@code work}, turning any failure of the stored bytes into an error naming the column. */
	<T> T guarded(String column, java.util.function.Supplier<T> work) {
		try {
			return work.get();
		}
		catch (StrataException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw corrupt(column, String.valueOf(ex.getMessage()));
		}
	}

	private Map<String, PartLocation> parts(String column) {
		Map<String, PartLocation> parts = this.layout.get(column);
		if (parts == null) {
			throw corrupt(column, "has no layout");
		}
		return parts;
	}

	private ColumnSummary summary(String name, ColumnType expected) {
		ColumnSummary summary = this.metadata.column(name);
		if (summary == null) {
			throw new StrataException(ErrorCode.COLUMN_NOT_FOUND,
					"Column[" + name + "] not found in segment[" + this.metadata.id() + "]");
		}
		if (expected != null && summary.type() != expected) {
			throw wrongType(name, summary.type(), expected.druidName());
		}
		return summary;
	}

	private StrataException wrongType(String name, ColumnType actual, String wanted) {
		return StrataException.invalidInput("Column[%s] of segment[%s] is %s, not %s", name, this.metadata.id(),
				actual.druidName(), wanted);
	}

}
