package io.strata.engine.query.exec;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells whether the heap is nearly full of live data: the heap pools' usage as their last
 * collection left it (garbage excluded, unlike the current usage) against their maximum. Queries
 * check it between batches so that one that would exhaust the heap fails with Druid's resource
 * limit error instead of an OutOfMemoryError that could take the server down. Thread-safe.
 */
final class HeapGuard {

	private final List<MemoryPoolMXBean> pools = new ArrayList<>();

	HeapGuard() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()) {
				this.pools.add(pool);
			}
		}
	}

	/** The live fraction of the heap after the last collections, 0 before any. */
	double liveFraction() {
		long used = 0;
		long max = 0;
		for (MemoryPoolMXBean pool : this.pools) {
			MemoryUsage afterCollection = pool.getCollectionUsage();
			long poolMax = pool.getUsage().getMax();
			if (afterCollection == null || poolMax <= 0) {
				continue;
			}
			used += afterCollection.getUsed();
			max += poolMax;
		}
		return max == 0 ? 0 : (double) used / max;
	}

}
