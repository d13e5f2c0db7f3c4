package io.strata.node.broker.cache;

/**
 * A snapshot of a {@link ResultCache}'s counters for metrics. {@code puts} counts values stored
 * (oversized ones are not), {@code evictions} entries dropped to stay within the byte bound;
 * {@code entries} and {@code bytes} are the contents at the moment of the snapshot.
 */
public record CacheStats(long hits, long misses, long puts, long evictions, long entries, long bytes) {

	public CacheStats {
		if (hits < 0 || misses < 0 || puts < 0 || evictions < 0 || entries < 0 || bytes < 0) {
			throw new IllegalArgumentException("cache counters must not be negative");
		}
	}

}
