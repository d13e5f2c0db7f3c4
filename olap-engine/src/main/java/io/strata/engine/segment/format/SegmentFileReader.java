package io.strata.engine.segment.format;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentMetadata;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Opens segment files written by {@link SegmentWriter}: memory-maps the file, checks the header,
 * trailer and metadata checksum, and returns a {@link Segment} whose columns read the mapping
 * directly. Column parts are checked when a column is first opened (plain parts) or decoded
 * (blocks). Stateless.
 */
public final class SegmentFileReader {

	private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

	private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

	/** Maps and opens a segment; the caller closes it. */
	public Segment open(Path file) {
		Arena arena = Arena.ofShared();
		try {
			MemorySegment mapped;
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
				mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
			}
			SegmentMetadataJson.Parsed parsed = readMetadata(mapped, file);
			return new MappedSegment(parsed.metadata(), parsed.layout(), mapped, arena);
		}
		catch (IOException ex) {
			arena.close();
			throw StrataException.io(ex, "Opening segment file[%s] failed", file);
		}
		catch (RuntimeException ex) {
			arena.close();
			throw ex;
		}
	}

	/** Reads only the metadata of a segment file (from its trailer), without mapping the columns. */
	public SegmentMetadata readMetadata(Path file) {
		try (Arena arena = Arena.ofConfined(); FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			MemorySegment mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
			return readMetadata(mapped, file).metadata();
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Reading segment file[%s] failed", file);
		}
	}

	private static SegmentMetadataJson.Parsed readMetadata(MemorySegment mapped, Path file) {
		long size = mapped.byteSize();
		if (size < SegmentFormat.HEADER_BYTES + SegmentFormat.TRAILER_BYTES) {
			throw corrupt(file, "is truncated: only " + size + " bytes");
		}
		String headerMagic = new String(mapped.asSlice(0, 8).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII);
		if (!headerMagic.equals(SegmentFormat.HEADER_MAGIC)) {
			throw corrupt(file, "is not a Strata segment (bad header magic)");
		}
		int version = mapped.get(INT, 8);
		if (version < SegmentFormat.OLDEST_READABLE_VERSION || version > SegmentFormat.VERSION) {
			throw new StrataException(ErrorCode.SEGMENT_VERSION_UNSUPPORTED,
					"Segment file[" + file + "] has format version[" + version + "]; this build reads versions["
							+ SegmentFormat.OLDEST_READABLE_VERSION + ".." + SegmentFormat.VERSION + "]");
		}
		long trailer = size - SegmentFormat.TRAILER_BYTES;
		String trailerMagic = new String(mapped.asSlice(trailer + 20, 8).toArray(ValueLayout.JAVA_BYTE),
				StandardCharsets.US_ASCII);
		if (!trailerMagic.equals(SegmentFormat.TRAILER_MAGIC)) {
			throw corrupt(file, "is truncated or corrupt (bad trailer)");
		}
		long metadataOffset = mapped.get(LONG, trailer);
		int metadataLength = mapped.get(INT, trailer + 8);
		int metadataCrc = mapped.get(INT, trailer + 12);
		if (metadataOffset < SegmentFormat.HEADER_BYTES || metadataLength < 0
				|| metadataOffset + metadataLength != trailer) {
			throw corrupt(file, "has a trailer that does not fit the file");
		}
		MemorySegment metadataBytes = mapped.asSlice(metadataOffset, metadataLength);
		CRC32C crc = new CRC32C();
		crc.update(metadataBytes.asByteBuffer());
		if ((int) crc.getValue() != metadataCrc) {
			throw corrupt(file, "has metadata that fails its checksum");
		}
		String json = new String(metadataBytes.toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
		SegmentMetadataJson.Parsed parsed;
		try {
			parsed = SegmentMetadataJson.read(json, size);
		}
		catch (RuntimeException ex) {
			throw corrupt(file, "has unreadable metadata: " + ex.getMessage());
		}
		if (parsed.metadata().formatVersion() != version) {
			throw corrupt(file, "has format version[" + version + "] in its header but["
					+ parsed.metadata().formatVersion() + "] in its metadata");
		}
		for (var column : parsed.layout().entrySet()) {
			for (PartLocation part : column.getValue().values()) {
				if (part.offset() < SegmentFormat.HEADER_BYTES || part.length() < 0
						|| part.offset() + part.length() > metadataOffset) {
					throw new StrataException(ErrorCode.SEGMENT_CORRUPT, "Segment[" + parsed.metadata().id()
							+ "] column[" + column.getKey() + "] has a part outside the file");
				}
			}
		}
		return parsed;
	}

	private static StrataException corrupt(Path file, String problem) {
		return new StrataException(ErrorCode.SEGMENT_CORRUPT, "Segment file[" + file + "] " + problem);
	}

}
