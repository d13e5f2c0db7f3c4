package io.strata.engine.query.exec;

/**
 * What one query may use on a server. {@code defaultTimeoutMillis} applies when the context has
 * no {@code timeout} (0 = none, as in Druid); {@code maxGroups} bounds the groups (and timeseries
 * buckets) a query holds at once, the context key {@code maxResults} may lower it;
 * {@code maxLiveHeapFraction} is how full of live data (after collections) the heap may be before
 * a running query fails with Druid's resource limit error instead of exhausting it. Scans stream
 * and need no bound.
 */
public record QueryLimits(long defaultTimeoutMillis, int maxGroups, double maxLiveHeapFraction) {

	public QueryLimits {
		if (defaultTimeoutMillis < 0 || maxGroups <= 0 || !(maxLiveHeapFraction > 0 && maxLiveHeapFraction <= 1)) {
			throw new IllegalArgumentException("limits must be positive (timeout 0 = none), heap fraction in (0, 1]");
		}
	}

	public QueryLimits(long defaultTimeoutMillis, int maxGroups) {
		this(defaultTimeoutMillis, maxGroups, DEFAULT_MAX_LIVE_HEAP_FRACTION);
	}

	/** A query stops once live data fills 90 % of the heap. */
	public static final double DEFAULT_MAX_LIVE_HEAP_FRACTION = 0.9;

	/** Druid's defaults: a 5 minute timeout; 500,000 groups (Druid's groupBy maxResults). */
	public static QueryLimits defaults() {
		return new QueryLimits(300_000, 500_000);
	}

}
