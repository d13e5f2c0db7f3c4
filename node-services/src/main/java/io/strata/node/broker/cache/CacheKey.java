package io.strata.node.broker.cache;

import java.util.Objects;

/**
 * What one cached value answers: the intermediate result of the query with canonical key
 * {@code queryKey} (see {@link QueryCacheKeys#queryKey}) on the segment {@code segmentId}. A
 * segment id names an immutable segment version, so an entry never goes stale; it only ages out.
 */
public record CacheKey(String segmentId, String queryKey) {

	public CacheKey {
		Objects.requireNonNull(segmentId, "segmentId");
		Objects.requireNonNull(queryKey, "queryKey");
	}

	/**
	 * What the key counts for against the cache's byte bound: one byte per char. Segment ids and
	 * canonical query JSON are ASCII in practice, and counting chars keeps puts free of encoding.
	 */
	long weight() {
		return (long) this.segmentId.length() + this.queryKey.length();
	}

}
