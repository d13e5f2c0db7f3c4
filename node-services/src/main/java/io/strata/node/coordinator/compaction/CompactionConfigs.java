package io.strata.node.coordinator.compaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import io.strata.node.metadata.AuditInfo;
import io.strata.node.metadata.ConfigMetadata;

/**
 * The cluster compaction config in the config table under Druid's key
 * {@code coordinator.compaction.config}, each change audited. Changes are read-modify-write of
 * the whole document, serialized here (only the coordinator leader takes them). Thread-safe.
 */
public final class CompactionConfigs {

	/** Druid's config-table name. */
	public static final String CONFIG_KEY = "coordinator.compaction.config";

	/** One entry of a datasource's config history, Druid's {@code DataSourceCompactionConfigAuditEntry}. */
	public record HistoryEntry(CompactionConfig cluster, DataSourceCompactionConfig compactionConfig, AuditInfo audit) {

		public HistoryEntry {
			Objects.requireNonNull(cluster, "cluster");
			Objects.requireNonNull(audit, "audit");
		}

	}

	private final ConfigMetadata store;

	private final CompactionConfigJson json = new CompactionConfigJson();

	public CompactionConfigs(ConfigMetadata store) {
		this.store = store;
	}

	public CompactionConfig current() {
		return this.store.get(CONFIG_KEY).map(this.json::readCluster).orElse(CompactionConfig.EMPTY);
	}

	/** Applies {@code change} to the current config and stores the result with the audit entry. */
	public synchronized CompactionConfig update(UnaryOperator<CompactionConfig> change, AuditInfo audit) {
		CompactionConfig updated = change.apply(current());
		this.store.set(CONFIG_KEY, this.json.toJson(this.json.writeCluster(updated)), audit);
		return updated;
	}

	/**
	 * The changes that touched the datasource's config or the slot settings while the datasource
	 * was configured (or just after it was removed), oldest first; the newest {@code count} of them.
	 */
	public List<HistoryEntry> history(String dataSource, int count) {
		List<HistoryEntry> entries = new ArrayList<>();
		HistoryEntry previous = null;
		for (ConfigMetadata.ConfigChange change : this.store.history(CONFIG_KEY)) {
			CompactionConfig cluster = this.json.readCluster(change.payload());
			DataSourceCompactionConfig own = cluster.of(dataSource).orElse(null);
			boolean configured = own != null || (previous != null && previous.compactionConfig() != null);
			boolean changed = previous == null || !Objects.equals(own, previous.compactionConfig())
					|| previous.cluster().compactionTaskSlotRatio() != cluster.compactionTaskSlotRatio()
					|| previous.cluster().maxCompactionTaskSlots() != cluster.maxCompactionTaskSlots();
			if (configured && changed) {
				entries.add(new HistoryEntry(cluster, own, change.audit()));
			}
			previous = new HistoryEntry(cluster, own, change.audit());
		}
		return entries.size() <= count ? entries : entries.subList(entries.size() - count, entries.size());
	}

}
