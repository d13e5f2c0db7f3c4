package io.strata.node.coordinator.compaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The cluster's auto-compaction config, Druid's {@code DruidCompactionConfig}: one config per
 * datasource (sorted by name), and how much of the workers' capacity compact tasks may take.
 * @param compactionTaskSlotRatio share of the total worker capacity for compact tasks
 * @param maxCompactionTaskSlots upper bound of compact tasks at once
 */
public record CompactionConfig(List<DataSourceCompactionConfig> compactionConfigs, double compactionTaskSlotRatio,
		int maxCompactionTaskSlots) {

	public static final double DEFAULT_SLOT_RATIO = 0.1;

	public static final CompactionConfig EMPTY = new CompactionConfig(List.of(), DEFAULT_SLOT_RATIO, Integer.MAX_VALUE);

	public CompactionConfig {
		compactionConfigs = compactionConfigs.stream()
			.sorted(Comparator.comparing(DataSourceCompactionConfig::dataSource))
			.toList();
		for (int i = 1; i < compactionConfigs.size(); i++) {
			if (compactionConfigs.get(i).dataSource().equals(compactionConfigs.get(i - 1).dataSource())) {
				throw new IllegalArgumentException(
						"dataSource[" + compactionConfigs.get(i).dataSource() + "] is configured twice");
			}
		}
		if (!(compactionTaskSlotRatio >= 0 && compactionTaskSlotRatio <= 1)) {
			throw new IllegalArgumentException("compactionTaskSlotRatio must be between 0 and 1");
		}
		if (maxCompactionTaskSlots < 0) {
			throw new IllegalArgumentException("maxCompactionTaskSlots must not be negative");
		}
	}

	public Optional<DataSourceCompactionConfig> of(String dataSource) {
		return this.compactionConfigs.stream().filter(c -> c.dataSource().equals(dataSource)).findFirst();
	}

	/** This config with the datasource's config added or replaced. */
	public CompactionConfig with(DataSourceCompactionConfig config) {
		List<DataSourceCompactionConfig> configs = new ArrayList<>(without(config.dataSource()).compactionConfigs);
		configs.add(config);
		return new CompactionConfig(configs, this.compactionTaskSlotRatio, this.maxCompactionTaskSlots);
	}

	public CompactionConfig without(String dataSource) {
		return new CompactionConfig(
				this.compactionConfigs.stream().filter(c -> !c.dataSource().equals(dataSource)).toList(),
				this.compactionTaskSlotRatio, this.maxCompactionTaskSlots);
	}

	public CompactionConfig withSlots(double ratio, int max) {
		return new CompactionConfig(this.compactionConfigs, ratio, max);
	}

	/**
	 * Compact tasks allowed at once: the ratio of the total worker capacity, at least one, capped
	 * by {@code maxCompactionTaskSlots} (so 0 turns auto-compaction off).
	 */
	public int taskSlots(int totalWorkerCapacity) {
		int byRatio = Math.max(1, (int) Math.floor(this.compactionTaskSlotRatio * totalWorkerCapacity));
		return Math.min(byRatio, this.maxCompactionTaskSlots);
	}

}
