package io.strata.engine.time;

/** Fixed-length buckets counted from an origin: Druid's {@code {"type":"duration"}}. */
public record DurationGranularity(long durationMillis, long originMillis) implements Granularity {

	public DurationGranularity {
		if (durationMillis <= 0) {
			throw new IllegalArgumentException("duration must be positive");
		}
	}

	@Override
	public long bucketStart(long epochMillis) {
		return this.originMillis + Math.floorDiv(epochMillis - this.originMillis, this.durationMillis) * this.durationMillis;
	}

	@Override
	public long next(long bucketStart) {
		return bucketStart + this.durationMillis;
	}

}
