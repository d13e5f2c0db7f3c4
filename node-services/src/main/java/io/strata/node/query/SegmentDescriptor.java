package io.strata.node.query;

import java.util.Objects;

import io.strata.engine.time.Interval;

/**
 * Druid's {@code SegmentDescriptor}: one segment ({@code ver}, {@code part}) and the part of its
 * interval a query reads ({@code itvl}: the visible chunk clipped to the query's intervals).
 */
public record SegmentDescriptor(Interval interval, String version, int partitionNum) {

	public SegmentDescriptor {
		Objects.requireNonNull(interval, "interval");
		Objects.requireNonNull(version, "version");
	}

}
