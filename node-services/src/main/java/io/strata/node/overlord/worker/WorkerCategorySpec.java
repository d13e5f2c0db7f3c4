package io.strata.node.overlord.worker;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Druid's {@code workerCategorySpec}: per task type, the category of workers its tasks go to
 * ({@code categoryAffinity} per datasource, else {@code defaultCategory}). With {@code strong} a
 * task waits for a worker of its category; without, it falls back to any worker.
 */
public record WorkerCategorySpec(Map<String, CategoryConfig> categoryMap, boolean strong) {

	public record CategoryConfig(String defaultCategory, Map<String, String> categoryAffinity) {

		public CategoryConfig {
			categoryAffinity = java.util.Collections.unmodifiableMap(new TreeMap<>(categoryAffinity));
		}

	}

	public WorkerCategorySpec {
		Objects.requireNonNull(categoryMap, "categoryMap");
		categoryMap = java.util.Collections.unmodifiableMap(new TreeMap<>(categoryMap));
	}

	/** The category a task of this type and datasource prefers, or null when the spec says nothing. */
	public String categoryOf(String taskType, String dataSource) {
		CategoryConfig config = this.categoryMap.get(taskType);
		if (config == null) {
			return null;
		}
		String affinity = config.categoryAffinity().get(dataSource);
		return affinity != null ? affinity : config.defaultCategory();
	}

}
