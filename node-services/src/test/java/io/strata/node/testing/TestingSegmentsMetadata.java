package io.strata.node.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.segment.DataSegment;

/**
 * An in-memory segments table: each published segment with its used flag, kept in id order so
 * that every list it returns is sorted, as the JDBC adapter's are. Thread-safe (every method
 * holds the instance lock), like the port it stands in for.
 * <pre>
 * TestingSegmentsMetadata metadata = new TestingSegmentsMetadata();
 * metadata.insert(List.of(segment));
 * new MarkOvershadowedSegmentsUnused(metadata).run(run);
 * assertThat(metadata.usedSegments()).containsExactly(...);
 * </pre>
 */
public final class TestingSegmentsMetadata implements SegmentsMetadata {

	/** One row of the table. */
	private record Row(DataSegment segment, boolean used) {

	}

	private final TreeMap<SegmentId, Row> rows = new TreeMap<>();

	@Override
	public synchronized void insert(List<DataSegment> segments) {
		Objects.requireNonNull(segments, "segments");
		// all or none, as the adapter's transaction: check every id before adding any
		List<String> duplicates = new ArrayList<>();
		TreeSet<SegmentId> batch = new TreeSet<>();
		for (DataSegment segment : segments) {
			if (this.rows.containsKey(segment.id()) || !batch.add(segment.id())) {
				duplicates.add(segment.id().toString());
			}
		}
		if (!duplicates.isEmpty()) {
			throw StrataException.invalidInput("Segments[%s] are already published", duplicates);
		}
		segments.forEach(segment -> this.rows.put(segment.id(), new Row(segment, true)));
	}

	@Override
	public synchronized List<DataSegment> usedSegments() {
		return this.rows.values().stream().filter(Row::used).map(Row::segment).toList();
	}

	@Override
	public synchronized List<String> existing(Collection<SegmentId> ids) {
		return new TreeSet<>(ids).stream().filter(this.rows::containsKey).map(SegmentId::toString).sorted().toList();
	}

	@Override
	public synchronized List<DataSegment> unusedSegments(String dataSource) {
		return this.rows.values()
			.stream()
			.filter(row -> !row.used() && row.segment().dataSource().equals(dataSource))
			.map(Row::segment)
			.toList();
	}

	@Override
	public synchronized int markUnused(Collection<SegmentId> ids) {
		int changed = 0;
		for (SegmentId id : new TreeSet<>(ids)) {
			Row row = this.rows.get(id);
			if (row != null && row.used()) {
				this.rows.put(id, new Row(row.segment(), false));
				changed++;
			}
		}
		return changed;
	}

	@Override
	public synchronized int delete(Collection<SegmentId> ids) {
		int deleted = 0;
		for (SegmentId id : new TreeSet<>(ids)) {
			Row row = this.rows.get(id);
			if (row != null && !row.used()) {
				this.rows.remove(id);
				deleted++;
			}
		}
		return deleted;
	}

	@Override
	public synchronized Optional<String> maxUsedVersion(String dataSource, Interval interval) {
		return this.rows.values()
			.stream()
			.filter(row -> row.used() && row.segment().dataSource().equals(dataSource)
					&& row.segment().interval().overlaps(interval))
			.map(row -> row.segment().version())
			.max(String::compareTo);
	}

	@Override
	public synchronized List<String> dataSources(boolean includeUnused) {
		TreeSet<String> names = new TreeSet<>();
		for (Row row : this.rows.values()) {
			if (includeUnused || row.used()) {
				names.add(row.segment().dataSource());
			}
		}
		return List.copyOf(names);
	}

}
