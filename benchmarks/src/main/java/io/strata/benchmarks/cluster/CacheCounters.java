package io.strata.benchmarks.cluster;

/** The broker result cache's lookups so far: segment results found and not found. */
record CacheCounters(long hits, long misses) {

	CacheCounters minus(CacheCounters before) {
		return new CacheCounters(this.hits - before.hits, this.misses - before.misses);
	}

	long lookups() {
		return this.hits + this.misses;
	}

}
