package io.strata.node.metadata;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Offsets of a Kafka topic's partitions (Druid's {@code SeekableStreamSequenceNumbers} inside
 * {@code KafkaDataSourceMetadata}): a datasource's committed offsets, or a publishing task's start
 * or end offsets. Each offset is the next one to read.
 */
public record StreamOffsets(String stream, SortedMap<Integer, Long> partitionOffsets) {

	public StreamOffsets {
		Objects.requireNonNull(stream, "stream");
		Objects.requireNonNull(partitionOffsets, "partitionOffsets");
		if (stream.isBlank()) {
			throw new IllegalArgumentException("stream must not be blank");
		}
		for (Map.Entry<Integer, Long> entry : partitionOffsets.entrySet()) {
			if (entry.getKey() < 0 || entry.getValue() < 0) {
				throw new IllegalArgumentException(String.format("Partition[%d] offset[%d] must not be negative",
						entry.getKey(), entry.getValue()));
			}
		}
		partitionOffsets = Collections.unmodifiableSortedMap(new TreeMap<>(partitionOffsets));
	}

	public static StreamOffsets of(String stream, Map<Integer, Long> partitionOffsets) {
		return new StreamOffsets(stream, new TreeMap<>(partitionOffsets));
	}

	/**
	 * Druid's {@code matches}: the same stream, and equal offsets for every partition both name
	 * (a partition only one of them names does not matter).
	 */
	public boolean matches(StreamOffsets other) {
		if (!this.stream.equals(other.stream)) {
			return false;
		}
		for (Map.Entry<Integer, Long> entry : this.partitionOffsets.entrySet()) {
			Long theirs = other.partitionOffsets.get(entry.getKey());
			if (theirs != null && !theirs.equals(entry.getValue())) {
				return false;
			}
		}
		return true;
	}

	/** Druid's {@code plus}: these offsets with {@code later}'s replacing those of the partitions it names. */
	public StreamOffsets plus(StreamOffsets later) {
		if (!this.stream.equals(later.stream)) {
			throw new IllegalArgumentException(
					String.format("Cannot add offsets of stream[%s] to those of stream[%s]", later.stream, this.stream));
		}
		TreeMap<Integer, Long> merged = new TreeMap<>(this.partitionOffsets);
		merged.putAll(later.partitionOffsets);
		return new StreamOffsets(this.stream, merged);
	}

}
