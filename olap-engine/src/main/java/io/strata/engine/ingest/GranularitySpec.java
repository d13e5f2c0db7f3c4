package io.strata.engine.ingest;

import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;

import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code granularitySpec} (type {@code uniform}): segment buckets, the truncation of
 * timestamps before rollup, and whether rows with equal keys roll up.
 * @param intervals the intervals batch ingestion covers; empty means "whatever the data holds"
 */
public record GranularitySpec(Granularity segmentGranularity, Granularity queryGranularity, boolean rollup,
		List<Interval> intervals) {

	public GranularitySpec {
		Objects.requireNonNull(segmentGranularity, "segmentGranularity");
		Objects.requireNonNull(queryGranularity, "queryGranularity");
		intervals = List.copyOf(intervals);
	}

	/** Druid's defaults: day segments, no truncation, rollup on. */
	public static GranularitySpec defaults() {
		return new GranularitySpec(Granularity.named("day"), Granularity.none(), true, List.of());
	}

}
