package io.strata.node.deepstorage;

import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentObjectPathTest {

	@Test
	void timesAreWrittenInBasicForm() {
		SegmentId id = new SegmentId("usage", Interval.parse("2026-01-01T00:00Z/2026-01-01T01:00Z"),
				"2026-01-05T10:11:12.345Z", 12);

		assertThat(SegmentObjectPath.of(id))
			.isEqualTo("usage/20260101T000000.000Z_20260101T010000.000Z/20260105T101112.345Z/12/segment.strata");
	}

	@Test
	void extremeYearsKeepTheirSign() {
		SegmentId id = new SegmentId("all", Interval.ETERNITY, "v1", 0);

		String path = SegmentObjectPath.of(id);

		assertThat(path).startsWith("all/-").doesNotContain(":");
		assertThat(path.split("/")[1]).matches("-\\d+T\\d{6}\\.\\d{3}Z_\\+\\d+T\\d{6}\\.\\d{3}Z");
	}

	@Test
	void freeFormVersionsAreEscapedNotCompacted() {
		SegmentId id = new SegmentId("usage", Interval.parse("2026-01-01/2026-01-02"), "2026-01-05", 0);

		// only an exact instant is compacted; a date alone stays as written, dashes and all
		assertThat(SegmentObjectPath.of(id).split("/")[2]).isEqualTo("2026-01-05");
	}

	@Test
	void escapingIsInjectiveOnTheCharactersItChanges() {
		assertThat(SegmentObjectPath.escape("a%3Ab")).isEqualTo("a%253Ab");
		assertThat(SegmentObjectPath.escape("a:b")).isEqualTo("a%3Ab");
		assertThat(SegmentObjectPath.escape(".hidden")).isEqualTo("%2Ehidden");
		assertThat(SegmentObjectPath.escape("..")).isEqualTo("%2E.");
		assertThat(SegmentObjectPath.escape("dé jà")).isEqualTo("d%C3%A9%20j%C3%A0");
		assertThat(SegmentObjectPath.escape("plain-name_1.2")).isEqualTo("plain-name_1.2");
	}

}
