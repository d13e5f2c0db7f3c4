package io.strata.node.historical;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.node.deepstorage.LoadSpec;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.ShardSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentCacheDirectoryTest {

	@TempDir
	Path directory;

	@Test
	void aReservationPointsIntoTheSegmentsOwnDirectory() {
		SegmentCacheDirectory cache = new SegmentCacheDirectory(this.directory, 1000);
		DataSegment segment = segment(0, 100);

		Path file = cache.reserve(segment);

		assertThat(file).isEqualTo(this.directory.resolve(segment.id().toString()).resolve("segment.strata"));
		assertThat(cache.segmentFile(segment)).isEqualTo(file);
		assertThat(Files.isDirectory(file.getParent())).isTrue();
		assertThat(cache.usedBytes()).isEqualTo(100);
		assertThat(cache.maxBytes()).isEqualTo(1000);
	}

	@Test
	void aReservationPastTheMaximumIsRefusedAndTakesNothing() {
		SegmentCacheDirectory cache = new SegmentCacheDirectory(this.directory, 1000);
		cache.reserve(segment(0, 600));
		DataSegment tooBig = segment(1, 401);

		assertThatThrownBy(() -> cache.reserve(tooBig))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INDEX_FULL))
			.hasMessageContaining(tooBig.id().toString())
			.hasMessageContaining("401")
			.hasMessageContaining("600")
			.hasMessageContaining("1,000");
		assertThat(cache.usedBytes()).isEqualTo(600);
		assertThat(this.directory.resolve(tooBig.id().toString())).doesNotExist();

		// exactly full is still allowed
		cache.reserve(segment(2, 400));
		assertThat(cache.usedBytes()).isEqualTo(1000);
	}

	@Test
	void onlyACommittedSegmentIsContained() throws IOException {
		SegmentCacheDirectory cache = new SegmentCacheDirectory(this.directory, 1000);
		DataSegment segment = segment(0, 5);

		Files.write(cache.reserve(segment), new byte[5]);
		assertThat(cache.contains(segment)).isFalse();

		cache.commit(segment);
		assertThat(cache.contains(segment)).isTrue();
		assertThat(cache.segmentFile(segment).resolveSibling("descriptor.json")).isRegularFile();
		assertThat(cache.segmentFile(segment).resolveSibling("descriptor.json.tmp")).doesNotExist();
	}

	@Test
	void aRestartedCacheListsCommittedSegmentsAndCleansAwayTheRest() throws IOException {
		SegmentCacheDirectory before = new SegmentCacheDirectory(this.directory, 1000);
		DataSegment first = segment(0, 10);
		DataSegment second = segment(1, 20);
		DataSegment unfinished = segment(2, 30);
		DataSegment noFile = segment(3, 40);
		for (DataSegment segment : List.of(first, second, unfinished)) {
			Files.write(before.reserve(segment), new byte[(int) segment.size()]);
		}
		before.commit(second);
		before.commit(first);
		before.reserve(noFile);
		before.commit(noFile);
		Files.writeString(this.directory.resolve("stray.tmp"), "left over");

		SegmentCacheDirectory after = new SegmentCacheDirectory(this.directory, 1000);
		assertThat(after.usedBytes()).isZero();

		assertThat(after.cachedSegments()).containsExactly(first, second);
		assertThat(after.usedBytes()).isEqualTo(30);
		assertThat(this.directory.resolve(unfinished.id().toString())).doesNotExist();
		assertThat(this.directory.resolve(noFile.id().toString())).doesNotExist();
		assertThat(this.directory.resolve("stray.tmp")).doesNotExist();
		assertThat(after.contains(first)).isTrue();
		assertThat(after.contains(unfinished)).isFalse();
	}

	@Test
	void removingGivesTheBytesBack() throws IOException {
		SegmentCacheDirectory cache = new SegmentCacheDirectory(this.directory, 100);
		DataSegment segment = segment(0, 60);
		Files.write(cache.reserve(segment), new byte[60]);
		cache.commit(segment);

		cache.remove(segment);

		assertThat(cache.usedBytes()).isZero();
		assertThat(cache.contains(segment)).isFalse();
		assertThat(this.directory.resolve(segment.id().toString())).doesNotExist();
		cache.reserve(segment(1, 100));
		assertThat(cache.usedBytes()).isEqualTo(100);
	}

	@Test
	void removingAfterARestartGivesBackWhatTheRestartCounted() throws IOException {
		DataSegment segment = segment(0, 60);
		SegmentCacheDirectory before = new SegmentCacheDirectory(this.directory, 100);
		// the file need not be exactly the declared size: the accounting must still balance
		Files.write(before.reserve(segment), new byte[61]);
		before.commit(segment);

		SegmentCacheDirectory after = new SegmentCacheDirectory(this.directory, 100);
		after.cachedSegments();
		after.remove(segment);

		assertThat(after.usedBytes()).isZero();
	}

	@Test
	void removingWhatIsNotCachedChangesNothing() {
		SegmentCacheDirectory cache = new SegmentCacheDirectory(this.directory, 100);
		cache.reserve(segment(0, 50));

		cache.remove(segment(1, 30));

		assertThat(cache.usedBytes()).isEqualTo(50);
	}

	@Test
	void createsItsDirectory() {
		Path nested = this.directory.resolve("a").resolve("b");

		new SegmentCacheDirectory(nested, 1);

		assertThat(nested).isDirectory();
	}

	private static DataSegment segment(int partition, long size) {
		return new DataSegment(new SegmentId("wikipedia", Interval.parse("2024-01-01/P1D"), "v1", partition),
				new LoadSpec.Local("/deep/" + partition), List.of("page"), List.of("count"),
				new ShardSpec.Numbered(partition, 4), DataSegment.BINARY_VERSION, size);
	}

}
