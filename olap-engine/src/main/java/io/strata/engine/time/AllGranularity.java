package io.strata.engine.time;

/** One bucket for all time: Druid's {@code all}. */
public record AllGranularity() implements Granularity {

	static final AllGranularity INSTANCE = new AllGranularity();

	@Override
	public long bucketStart(long epochMillis) {
		return Interval.ETERNITY.startMillis();
	}

	@Override
	public long next(long bucketStart) {
		return Interval.ETERNITY.endMillis();
	}

}
