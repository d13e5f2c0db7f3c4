package io.strata.node.metadata.jdbc;

import java.util.Map;

import org.springframework.data.relational.core.mapping.NamingStrategy;

/** Maps each row type to its Druid table name under the configured prefix ({@code druid_segments}). */
public final class PrefixedNamingStrategy implements NamingStrategy {

	private static final Map<Class<?>, String> TABLES = Map.of(SegmentRow.class, "segments", RuleRow.class, "rules",
			ConfigRow.class, "config", AuditRow.class, "audit", TaskRow.class, "tasks", TaskLockRow.class, "tasklocks");

	private final String prefix;

	public PrefixedNamingStrategy(String prefix) {
		this.prefix = prefix;
	}

	@Override
	public String getTableName(Class<?> type) {
		String table = TABLES.get(type);
		if (table == null) {
			throw new IllegalArgumentException("No metadata table for " + type.getName());
		}
		return this.prefix + "_" + table;
	}

}
