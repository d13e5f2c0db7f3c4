package io.strata.engine.query.exec;

/**
 * What one query may use on a server. {@code defaultTimeoutMillis} applies when the context has
 * no {@code timeout} (0 = none, as in Druid); {@code maxGroups} bounds the groups (and timeseries
 * buckets) a query holds at once, the context key {@code maxResults} may lower it. Scans stream
 * and need no bound.
 */
public record QueryLimits(long defaultTimeoutMillis, int maxGroups) {

	public QueryLimits {
		if (defaultTimeoutMillis < 0 || maxGroups <= 0) {
			throw new IllegalArgumentException("limits must be positive (timeout 0 = none)");
		}
	}

	/** Druid's defaults: a 5 minute timeout; 500,000 groups (Druid's groupBy maxResults). */
	public static QueryLimits defaults() {
		return new QueryLimits(300_000, 500_000);
	}

}
