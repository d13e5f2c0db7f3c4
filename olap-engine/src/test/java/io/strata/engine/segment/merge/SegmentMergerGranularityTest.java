package io.strata.engine.segment.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.engine.error.ErrorCategory;
import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.ingest.IndexPersister;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.testing.UsageRow;
import io.strata.engine.testing.UsageRows;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segments truncated to different query granularities cannot be merged into one: the result
 * would claim one granularity for rows of another. The merge is refused, naming the segments.
 */
class SegmentMergerGranularityTest {

	private static final Interval DAY = Interval.parse("2026-10-01/2026-10-02");

	@TempDir
	Path directory;

	private final SegmentFileReader reader = new SegmentFileReader();

	@Test
	void segmentsOfDifferentQueryGranularitiesAreRefused() {
		List<UsageRow> rows = UsageRows.generate(UsageRows.DENSE_DAY.withEvents(400));
		SegmentId minuteId = new SegmentId("usage", DAY, "v1", 0);
		SegmentId minuteId2 = new SegmentId("usage", DAY, "v1", 1);
		SegmentId hourId = new SegmentId("usage", DAY, "v1", 2);
		Path minutes = persist(Granularity.named("minute"), rows.subList(0, 200), minuteId);
		Path moreMinutes = persist(Granularity.named("minute"), rows.subList(200, 300), minuteId2);
		Path hours = persist(Granularity.named("hour"), rows.subList(300, 400), hourId);
		SegmentId target = new SegmentId("usage", DAY, "v2", 0);
		Path out = this.directory.resolve("merged.strata");

		List<Segment> segments = new ArrayList<>();
		try {
			for (Path file : List.of(minutes, moreMinutes, hours)) {
				segments.add(this.reader.open(file));
			}
			assertThatThrownBy(() -> new SegmentMerger().merge(segments, target, true, out))
				.isInstanceOfSatisfying(StrataException.class, ex -> {
					assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
					assertThat(ex.errorCode().category()).isEqualTo(ErrorCategory.INVALID_INPUT);
				})
				.hasMessageContaining(hourId.toString())
				.hasMessageContaining(minuteId.toString())
				.hasMessageContaining("query granularit");
			assertThat(out).doesNotExist();
			// the same granularity merges
			assertThat(new SegmentMerger().merge(segments.subList(0, 2), target, true, out).queryGranularity())
				.isEqualTo(Granularity.named("minute"));
		}
		finally {
			segments.forEach(Segment::close);
		}
		assertThat(Files.exists(out)).isTrue();
	}

	private Path persist(Granularity queryGranularity, List<UsageRow> rows, SegmentId id) {
		DataSchema schema = UsageRows.schema(true, queryGranularity, Granularity.named("day"));
		IncrementalIndex index = new IncrementalIndex(schema);
		rows.forEach(row -> index.add(row.toInputRow()));
		Path file = this.directory.resolve(id.partitionNum() + ".strata");
		new IndexPersister().persist(index, id, file);
		return file;
	}

}
