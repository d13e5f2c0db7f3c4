package io.strata.node.overlord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.node.deepstorage.LoadSpec;
import io.strata.node.metadata.PendingSegment;
import io.strata.node.metadata.PendingSegmentsMetadata;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.ShardSpec;
import io.strata.node.task.LockType;
import io.strata.node.task.TaskLock;
import io.strata.node.testing.TestingSegmentsMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Segment ids for streaming sequences: stable per sequence, appended after what an interval holds. */
class SegmentAllocatorTest {

	private static final Interval DAY = Interval.parse("2026-12-01T00:00:00.000Z/2026-12-02T00:00:00.000Z");

	private static final TaskLock LOCK = new TaskLock(LockType.SHARED, "index_kafka_usage", "usage", DAY,
			"2026-12-07T10:00:00.000Z", 75, false);

	private final TestingSegmentsMetadata segments = new TestingSegmentsMetadata();

	private final InMemoryPending pending = new InMemoryPending();

	private final SegmentAllocator allocator = new SegmentAllocator(this.segments, this.pending);

	@Test
	void anEmptyIntervalStartsABlockOfTheLocksVersionWithoutCorePartitions() {
		PendingSegment first = this.allocator.allocate("usage", DAY, "seq-a_0", LOCK);
		PendingSegment second = this.allocator.allocate("usage", DAY, "seq-b_0", LOCK);

		assertThat(first).isEqualTo(new PendingSegment("usage", "seq-a_0", DAY, LOCK.version(), 0, 0));
		assertThat(second.version()).isEqualTo(LOCK.version());
		assertThat(second.partitionNum()).isEqualTo(1);
	}

	@Test
	void theSameSequenceGetsTheSameIdAgainAsAReplicaOrAReplacementWould() {
		PendingSegment first = this.allocator.allocate("usage", DAY, "seq-a_0", LOCK);
		this.allocator.allocate("usage", DAY, "seq-b_0", LOCK);
		TaskLock newerLock = new TaskLock(LockType.SHARED, "index_kafka_usage", "usage", DAY, "2026-12-07T11:00:00.000Z",
				75, false);

		assertThat(this.allocator.allocate("usage", DAY, "seq-a_0", newerLock)).isEqualTo(first);
		assertThat(new SegmentAllocator(this.segments, this.pending).allocate("usage", DAY, "seq-a_0", LOCK))
			.as("a new leader reads the allocations from the store")
			.isEqualTo(first);
	}

	@Test
	void rowsForADayThatHasABatchBlockAreAppendedToThatBlockKeepingItsCoreSet() {
		String batchVersion = "2026-11-01T00:00:00.000Z";
		this.segments.insert(List.of(segment(batchVersion, 0, 2), segment(batchVersion, 1, 2),
				segment("2026-10-01T00:00:00.000Z", 0, 1)));

		PendingSegment appended = this.allocator.allocate("usage", DAY, "seq-a_0", LOCK);

		assertThat(appended.version()).as("not the lock's newer version, which would hide the batch rows")
			.isEqualTo(batchVersion);
		assertThat(appended.partitionNum()).isEqualTo(2);
		assertThat(appended.corePartitions()).isEqualTo(2);
		assertThat(this.allocator.allocate("usage", DAY, "seq-b_0", LOCK).partitionNum()).isEqualTo(3);
	}

	@Test
	void numberingGoesOnAfterPublishedSegmentsAndAReplicaAskingLateGetsItsIdStill() {
		PendingSegment first = this.allocator.allocate("usage", DAY, "seq-a_0", LOCK);
		this.segments.insert(List.of(segment(first.version(), first.partitionNum(), 0)));

		assertThat(this.allocator.allocate("usage", DAY, "seq-a_0", LOCK)).isEqualTo(first);
		assertThat(this.allocator.allocate("usage", DAY, "seq-b_0", LOCK).partitionNum()).isEqualTo(1);
	}

	@Test
	void aDayInsideAMonthSegmentIsRefusedRatherThanHidingTheMonth() {
		Interval month = Interval.parse("2026-12-01T00:00:00.000Z/2027-01-01T00:00:00.000Z");
		this.segments.insert(List.of(new DataSegment(new SegmentId("usage", month, "2026-11-01T00:00:00.000Z", 0),
				new LoadSpec.Local("/x"), List.of("a"), List.of("count"), new ShardSpec.Numbered(0, 1),
				DataSegment.BINARY_VERSION, 10)));

		assertThatThrownBy(() -> this.allocator.allocate("usage", DAY, "seq-a_0", LOCK))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("covers interval[" + month + "]");
		assertThat(this.pending.all).isEmpty();
	}

	private static DataSegment segment(String version, int partition, int core) {
		return new DataSegment(new SegmentId("usage", DAY, version, partition), new LoadSpec.Local("/x"), List.of("a"),
				List.of("count"), new ShardSpec.Numbered(partition, core), DataSegment.BINARY_VERSION, 10);
	}

	/** The table's contract, in memory. */
	private static final class InMemoryPending implements PendingSegmentsMetadata {

		final List<PendingSegment> all = new ArrayList<>();

		@Override
		public Optional<PendingSegment> find(String dataSource, String sequenceName, Interval interval) {
			return this.all.stream()
				.filter(s -> s.dataSource().equals(dataSource) && s.sequenceName().equals(sequenceName)
						&& s.interval().equals(interval))
				.findFirst();
		}

		@Override
		public List<PendingSegment> overlapping(String dataSource, Interval interval) {
			return this.all.stream()
				.filter(s -> s.dataSource().equals(dataSource) && s.interval().overlaps(interval))
				.toList();
		}

		@Override
		public void insert(PendingSegment segment) {
			this.all.add(segment);
			this.created.put(segment, io.strata.engine.time.IsoTime.format(System.currentTimeMillis()));
		}

		/** Insertion times, as the table's {@code created_date}. */
		final java.util.Map<PendingSegment, String> created = new java.util.HashMap<>();

		@Override
		public int deleteCreatedBefore(String dataSource, String isoTime) {
			int before = this.all.size();
			this.all.removeIf(s -> s.dataSource().equals(dataSource) && this.created.get(s).compareTo(isoTime) < 0);
			return before - this.all.size();
		}

		@Override
		public int delete(String dataSource, Collection<String> segmentIds) {
			int before = this.all.size();
			this.all.removeIf(s -> s.dataSource().equals(dataSource) && segmentIds.contains(s.id().toString()));
			return before - this.all.size();
		}

	}

}
