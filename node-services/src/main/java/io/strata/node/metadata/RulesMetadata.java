package io.strata.node.metadata;

import java.util.List;
import java.util.Map;

/**
 * The rules table: each change of a datasource's rule list is a new row (version = when); the
 * newest row of each datasource is in force. Payloads are Druid's rules JSON, kept as text.
 */
public interface RulesMetadata {

	/** The rule list in force per datasource ({@code _default} included once set), sorted by name. */
	Map<String, String> currentRules();

	/** Replaces the datasource's whole rule list and writes an audit entry, in one transaction. */
	void setRules(String dataSource, String rulesJson, AuditInfo audit);

	/** Every rule change, newest first, optionally for one datasource. */
	List<RulesChange> history(String dataSourceOrNull, int limit);

	record RulesChange(String dataSource, String version, String payload, AuditInfo audit) {

	}

}
