package io.strata.node.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code strata.worker.*}: a middleManager/indexer (Druid's {@code druid.worker.*}).
 * @param capacity tasks run at once; 0 means one less than the cores (at least 1). More runs more
 * ingestion in parallel at the cost of memory and CPU shared with queries on a data server
 * @param category the category the overlord's {@code equalDistributionWithCategorySpec} routes
 * task types to (e.g. {@code batch} for compaction)
 * @param version announced worker version; the overlord assigns nothing to a worker whose version
 * is empty (a disabled worker)
 */
@ConfigurationProperties("strata.worker")
public record WorkerProperties(@DefaultValue("0") int capacity,
		@DefaultValue(WorkerProperties.DEFAULT_CATEGORY) String category, @DefaultValue("0") String version) {

	/** Druid's default worker category. */
	public static final String DEFAULT_CATEGORY = "_default_worker_category";

	public WorkerProperties {
		if (capacity < 0) {
			throw new IllegalArgumentException("strata.worker.capacity must not be negative: " + capacity);
		}
	}

	/** The configured capacity, or Druid's default of cores - 1 (at least 1). */
	public int capacityOrDefault() {
		return this.capacity > 0 ? this.capacity : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
	}

}
