package io.strata.node.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.node.deepstorage.DeepStorage;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.ShardSpec;

/**
 * Publishes segment files: pushes each to deep storage, then inserts all their descriptors in
 * one metadata transaction, so the coordinator sees the whole set or none of it. If the insert
 * fails the pushed objects are deleted again. Segments of one (interval, version) published
 * together form a complete block: each gets a numbered shard spec with the block's size as its
 * core partition count. Thread-safe.
 */
public final class SegmentPublisher {

	private final DeepStorage deepStorage;

	private final SegmentsMetadata metadata;

	private final SegmentFileReader reader = new SegmentFileReader();

	public SegmentPublisher(DeepStorage deepStorage, SegmentsMetadata metadata) {
		this.deepStorage = deepStorage;
		this.metadata = metadata;
	}

	/** Publishes the segment files (engine format); returns the descriptors now in the metadata store. */
	public List<DataSegment> publish(List<Path> segmentFiles) {
		return publish(segmentFiles, this.metadata::insert);
	}

	/**
	 * Publishes the segment files, inserting the pushed descriptors with {@code insert} (a task
	 * hands them to the overlord, which checks its locks first); the objects are deleted again when
	 * {@code insert} throws.
	 */
	public List<DataSegment> publish(List<Path> segmentFiles, Consumer<List<DataSegment>> insert) {
		List<SegmentMetadata> described = segmentFiles.stream().map(this.reader::readMetadata).toList();
		Map<String, Integer> blockSizes = new LinkedHashMap<>();
		for (SegmentMetadata segment : described) {
			blockSizes.merge(blockKey(segment), 1, Integer::sum);
		}
		List<SegmentFile> files = new ArrayList<>();
		for (int i = 0; i < described.size(); i++) {
			SegmentMetadata segment = described.get(i);
			int partitions = Math.max(blockSizes.get(blockKey(segment)), segment.id().partitionNum() + 1);
			files.add(new SegmentFile(segmentFiles.get(i), new ShardSpec.Numbered(segment.id().partitionNum(), partitions)));
		}
		return publishFiles(files, insert);
	}

	/**
	 * Publishes segment files with the shard specs their builder chose, inserting the pushed
	 * descriptors with {@code insert}; the objects are deleted again when {@code insert} throws.
	 */
	public List<DataSegment> publishFiles(List<SegmentFile> files, Consumer<List<DataSegment>> insert) {
		List<SegmentMetadata> described = files.stream().map(file -> this.reader.readMetadata(file.path())).toList();
		// checked before any push: pushing over a published segment's object and then failing the
		// insert would delete the object its metadata points at
		List<String> taken = this.metadata.existing(described.stream().map(SegmentMetadata::id).toList());
		if (!taken.isEmpty()) {
			throw StrataException.invalidInput("Segments%s are already published; a new version needs a new id", taken);
		}
		List<DataSegment> pushed = new ArrayList<>();
		try {
			for (int i = 0; i < described.size(); i++) {
				SegmentMetadata segment = described.get(i);
				ShardSpec shardSpec = files.get(i).shardSpec();
				if (shardSpec.partitionNum() != segment.id().partitionNum()) {
					throw StrataException.invalidInput("Segment[%s] is partition %d but its shard spec says %d", segment.id(),
							segment.id().partitionNum(), shardSpec.partitionNum());
				}
				pushed.add(new DataSegment(segment.id(), this.deepStorage.push(segment.id(), files.get(i).path()),
						segment.dimensionNames(), segment.metricNames(), shardSpec, DataSegment.BINARY_VERSION,
						segment.sizeBytes(), files.get(i).lastCompactionState()));
			}
			insert.accept(List.copyOf(pushed));
			return pushed;
		}
		catch (RuntimeException ex) {
			// a replica of a streaming task may have published the same ids meanwhile: their
			// objects (at the same paths) belong to its published segments now
			List<String> publishedMeanwhile = existingQuietly(pushed, ex);
			for (DataSegment segment : pushed) {
				if (publishedMeanwhile.contains(segment.id().toString())) {
					continue;
				}
				try {
					this.deepStorage.delete(segment.loadSpec());
				}
				catch (RuntimeException cleanup) {
					ex.addSuppressed(cleanup);
				}
			}
			throw ex;
		}
	}

	private List<String> existingQuietly(List<DataSegment> pushed, RuntimeException failure) {
		try {
			return this.metadata.existing(pushed.stream().map(DataSegment::id).toList());
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
			// the store cannot tell: keep the objects rather than risk a published segment's
			return pushed.stream().map(segment -> segment.id().toString()).toList();
		}
	}

	private static String blockKey(SegmentMetadata segment) {
		return segment.id().interval() + "/" + segment.id().version();
	}

}
