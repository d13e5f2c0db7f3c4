package io.strata.node.metadata.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.strata.node.metadata.AuditInfo;
import io.strata.node.metadata.RulesMetadata;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link RulesMetadata} on {@code <prefix>_rules} (id {@code dataSource_version}, as Druid) with
 * an audit row per change. Thread-safe.
 */
public final class JdbcRulesMetadata implements RulesMetadata {

	private static final String AUDIT_TYPE = "rules";

	private final JdbcAggregateTemplate template;

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final String prefix;

	public JdbcRulesMetadata(JdbcAggregateTemplate template, NamedParameterJdbcTemplate jdbc,
			TransactionTemplate transactions, String prefix) {
		this.template = template;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.prefix = prefix;
	}

	@Override
	public Map<String, String> currentRules() {
		Map<String, String> current = new TreeMap<>();
		Map<String, String> versions = new TreeMap<>();
		for (RuleRow row : this.template.findAll(RuleRow.class)) {
			String seen = versions.get(row.dataSource());
			if (seen == null || seen.compareTo(row.version()) < 0) {
				versions.put(row.dataSource(), row.version());
				current.put(row.dataSource(), row.payload());
			}
		}
		return current;
	}

	@Override
	public void setRules(String dataSource, String rulesJson, AuditInfo audit) {
		this.transactions.executeWithoutResult(status -> {
			// inside the transaction: a concurrent change that took the same version makes this insert
			// fail on the primary key and roll back, rather than overwrite
			String version = nextVersion(dataSource, audit.at());
			this.template.insert(new RuleRow(dataSource + "_" + version, dataSource, version, rulesJson));
			this.template.insert(new AuditRow(null, dataSource, AUDIT_TYPE, audit.author(), audit.comment(), audit.at(),
					rulesJson));
		});
	}

	/** Two changes in one millisecond must still get distinct versions that sort in order of change. */
	private String nextVersion(String dataSource, String at) {
		List<String> taken = this.jdbc.queryForList(
				"SELECT version FROM " + this.prefix + "_rules WHERE dataSource = :ds AND version >= :at",
				Map.of("ds", dataSource, "at", at), String.class);
		String version = at;
		for (int suffix = 1; taken.contains(version); suffix++) {
			version = at + "_" + String.format(java.util.Locale.ROOT, "%04d", suffix);
		}
		return version;
	}

	@Override
	public List<RulesChange> history(String dataSourceOrNull, int limit) {
		String sql = "SELECT audit_key, author, comment, created_date, payload FROM " + this.prefix
				+ "_audit WHERE type = :type" + (dataSourceOrNull == null ? "" : " AND audit_key = :ds")
				+ " ORDER BY id DESC";
		Map<String, Object> parameters = new java.util.HashMap<>();
		parameters.put("type", AUDIT_TYPE);
		if (dataSourceOrNull != null) {
			parameters.put("ds", dataSourceOrNull);
		}
		List<RulesChange> changes = new ArrayList<>();
		this.jdbc.query(sql, parameters, row -> {
			if (changes.size() < limit) {
				changes.add(new RulesChange(row.getString(1), row.getString(4), row.getString(5),
						new AuditInfo(row.getString(2), row.getString(3), row.getString(4))));
			}
		});
		return changes;
	}

}
