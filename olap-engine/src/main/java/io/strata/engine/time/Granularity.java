package io.strata.engine.time;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * Druid's granularities: how time is cut into buckets for segments, rollup and query results.
 * Buckets are half-open; {@link #bucketStart(long)} floors a timestamp and {@link #next(long)}
 * gives the start of the following bucket.
 */
public sealed interface Granularity permits AllGranularity, NoneGranularity, DurationGranularity, PeriodGranularity {

	long bucketStart(long epochMillis);

	/** The start of the bucket after the one starting at {@code bucketStart}. */
	long next(long bucketStart);

	default Interval bucket(long epochMillis) {
		long start = bucketStart(epochMillis);
		return new Interval(start, next(start));
	}

	static Granularity all() {
		return AllGranularity.INSTANCE;
	}

	static Granularity none() {
		return NoneGranularity.INSTANCE;
	}

	/** The named granularities of Druid ({@code minute}, {@code day}, ...), case-insensitive. */
	static Granularity named(String name) {
		String key = name.toLowerCase(Locale.ROOT);
		if (key.equals("all")) {
			return all();
		}
		if (key.equals("none")) {
			return none();
		}
		String period = GranularityNames.PERIODS.get(key);
		if (period == null) {
			throw new IllegalArgumentException("unknown granularity, expected one of " + GranularityNames.ALL_NAMES);
		}
		return new PeriodGranularity(IsoPeriod.parse(period), ZoneOffset.UTC, null);
	}

	/**
	 * The zone result timestamps are written in: a period granularity's own zone, as Druid prints
	 * its bucket starts ({@code 2026-10-01T00:00:00.000-07:00}); UTC for the others.
	 */
	default ZoneId resultZone() {
		return switch (this) {
			case PeriodGranularity period -> period.timeZone();
			case AllGranularity all -> ZoneOffset.UTC;
			case NoneGranularity none -> ZoneOffset.UTC;
			case DurationGranularity duration -> ZoneOffset.UTC;
		};
	}

	/** The Druid name of this granularity when it has one ({@code minute}, {@code all}), else null. */
	default String standardName() {
		return switch (this) {
			case AllGranularity all -> "all";
			case NoneGranularity none -> "none";
			case DurationGranularity duration -> null;
			case PeriodGranularity period -> {
				if (period.originMillis() != null || !period.timeZone().equals(ZoneOffset.UTC)) {
					yield null;
				}
				String wanted = period.period().toString();
				String found = null;
				for (Map.Entry<String, String> entry : GranularityNames.PERIODS.entrySet()) {
					if (entry.getValue().equals(wanted)) {
						found = entry.getKey();
						break;
					}
				}
				yield found;
			}
		};
	}

}
