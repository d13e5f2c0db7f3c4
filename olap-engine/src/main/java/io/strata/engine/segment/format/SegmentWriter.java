package io.strata.engine.segment.format;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.encoding.ByteSink;
import io.strata.engine.time.Granularity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Assembles a segment file ({@link SegmentFormat}) from column writers that the producer (an
 * index persist or a merge) has filled row by row, in segment order. The file is written next to
 * its destination and moved into place only when complete and synced, so a reader never sees a
 * partial segment. Single-threaded.
 */
public final class SegmentWriter {

	private final SegmentId id;

	private final boolean rollup;

	private final Granularity queryGranularity;

	private final NumericColumnWriter time;

	private final List<ColumnWriter> dimensions;

	private final List<ColumnWriter> metrics;

	private final List<AggregatorSpec> aggregators;

	public SegmentWriter(SegmentId id, boolean rollup, Granularity queryGranularity, NumericColumnWriter time,
			List<ColumnWriter> dimensions, List<ColumnWriter> metrics, List<AggregatorSpec> aggregators) {
		this.id = id;
		this.rollup = rollup;
		this.queryGranularity = queryGranularity;
		this.time = time;
		this.dimensions = List.copyOf(dimensions);
		this.metrics = List.copyOf(metrics);
		this.aggregators = List.copyOf(aggregators);
		if (this.metrics.size() != this.aggregators.size()) {
			throw new IllegalArgumentException("every metric column needs its aggregator");
		}
	}

	/** Writes the segment to {@code file}, synced to disk, and returns its metadata. */
	public SegmentMetadata write(Path file) {
		return write(file, true);
	}

	/**
	 * Writes the segment to {@code file} and returns its metadata.
	 * @param sync whether to force the file to disk before it is moved into place; a temporary
	 * file that a crash would make useless anyway (a batch spill) can skip it
	 */
	public SegmentMetadata write(Path file, boolean sync) {
		int rows = this.time.rowCount();
		List<ColumnWriter> all = new ArrayList<>();
		all.add(this.time);
		all.addAll(this.dimensions);
		all.addAll(this.metrics);
		for (ColumnWriter column : all) {
			if (column.rowCount() != rows) {
				throw StrataException.defensive("Column[%s] has %d rows but the segment has %d", column.name(),
						column.rowCount(), rows);
			}
		}
		Path temporary = file.resolveSibling(file.getFileName() + ".writing");
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Map<String, Map<String, PartLocation>> layout = new LinkedHashMap<>();
			List<ColumnSummary> summaries = new ArrayList<>();
			long position;
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
					StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
				ByteBuffer header = ByteBuffer.allocate(SegmentFormat.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
				header.put(SegmentFormat.HEADER_MAGIC.getBytes(StandardCharsets.US_ASCII)).putInt(SegmentFormat.VERSION).flip();
				writeFully(channel, header);
				position = SegmentFormat.HEADER_BYTES;
				for (ColumnWriter column : all) {
					ColumnParts parts = column.finish();
					summaries.add(parts.summary);
					Map<String, PartLocation> locations = new LinkedHashMap<>();
					for (Map.Entry<String, ByteSink> part : parts.plainParts.entrySet()) {
						locations.put(part.getKey(), place(channel, position, part.getValue(), false));
						position += part.getValue().size();
					}
					for (Map.Entry<String, ByteSink> part : parts.blockParts.entrySet()) {
						locations.put(part.getKey(), place(channel, position, part.getValue(), true));
						position += part.getValue().size();
					}
					layout.put(column.name(), locations);
				}
				List<ColumnSummary> dimensionSummaries = summaries.subList(1, 1 + this.dimensions.size());
				List<ColumnSummary> metricSummaries = summaries.subList(1 + this.dimensions.size(), summaries.size());
				byte[] metadataJson = SegmentMetadataJson.write(this.id, rows, this.rollup, this.queryGranularity,
						summaries.getFirst(), dimensionSummaries, metricSummaries, this.aggregators, layout)
					.getBytes(StandardCharsets.UTF_8);
				CRC32C crc = new CRC32C();
				crc.update(metadataJson);
				writeFully(channel, ByteBuffer.wrap(metadataJson));
				ByteBuffer trailer = ByteBuffer.allocate(SegmentFormat.TRAILER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
				trailer.putLong(position)
					.putInt(metadataJson.length)
					.putInt((int) crc.getValue())
					.putInt(SegmentFormat.VERSION)
					.put(SegmentFormat.TRAILER_MAGIC.getBytes(StandardCharsets.US_ASCII))
					.flip();
				writeFully(channel, trailer);
				if (sync) {
					channel.force(true);
				}
				long size = position + metadataJson.length + SegmentFormat.TRAILER_BYTES;
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				if (sync) {
					syncDirectory(file.toAbsolutePath().getParent());
				}
				return new SegmentMetadata(this.id, SegmentFormat.VERSION, rows, size, this.rollup,
						this.queryGranularity, summaries.getFirst(), dimensionSummaries, metricSummaries,
						this.aggregators);
			}
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Writing segment[%s] to [%s] failed", this.id, file);
		}
	}

	/** Makes the rename durable: on Linux a directory can be opened and forced like a file. */
	private static void syncDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// some file systems refuse to open a directory; the file itself is already synced
		}
	}

	private static PartLocation place(FileChannel channel, long position, ByteSink bytes, boolean blocks)
			throws IOException {
		int crc = 0;
		if (!blocks) {
			CRC32C checksum = new CRC32C();
			checksum.update(bytes.array(), 0, bytes.size());
			crc = (int) checksum.getValue();
		}
		writeFully(channel, ByteBuffer.wrap(bytes.array(), 0, bytes.size()));
		return new PartLocation(position, bytes.size(), crc, blocks);
	}

	private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
		while (buffer.hasRemaining()) {
			channel.write(buffer);
		}
	}

}
