package io.strata.engine.time;

/** Millisecond buckets: Druid's {@code none}, which keeps timestamps as they are. */
public record NoneGranularity() implements Granularity {

	static final NoneGranularity INSTANCE = new NoneGranularity();

	@Override
	public long bucketStart(long epochMillis) {
		return epochMillis;
	}

	@Override
	public long next(long bucketStart) {
		return bucketStart + 1;
	}

}
