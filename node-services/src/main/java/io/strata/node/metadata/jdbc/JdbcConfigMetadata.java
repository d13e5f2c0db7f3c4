package io.strata.node.metadata.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.strata.node.metadata.AuditInfo;
import io.strata.node.metadata.ConfigMetadata;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link ConfigMetadata} on {@code <prefix>_config}, each change audited. Thread-safe. */
public final class JdbcConfigMetadata implements ConfigMetadata {

	private final JdbcAggregateTemplate template;

	private final TransactionTemplate transactions;

	public JdbcConfigMetadata(JdbcAggregateTemplate template, TransactionTemplate transactions) {
		this.template = template;
		this.transactions = transactions;
	}

	@Override
	public Optional<String> get(String name) {
		return Optional.ofNullable(this.template.findById(name, ConfigRow.class)).map(ConfigRow::payload);
	}

	@Override
	public void set(String name, String payload, AuditInfo audit) {
		this.transactions.executeWithoutResult(status -> {
			ConfigRow row = new ConfigRow(name, payload);
			if (this.template.existsById(name, ConfigRow.class)) {
				this.template.update(row);
			}
			else {
				this.template.insert(row);
			}
			this.template.insert(new AuditRow(null, name, name, audit.author(), audit.comment(), audit.at(), payload));
		});
	}

	@Override
	public List<ConfigChange> history(String name) {
		// config audit rows use the config's name as both key and type
		Query query = Query.query(Criteria.where("auditKey").is(name).and("type").is(name)).sort(Sort.by("id"));
		List<ConfigChange> changes = new ArrayList<>();
		for (AuditRow row : this.template.findAll(query, AuditRow.class)) {
			changes.add(new ConfigChange(row.payload(), new AuditInfo(row.author(), row.comment(), row.createdDate())));
		}
		return changes;
	}

}
