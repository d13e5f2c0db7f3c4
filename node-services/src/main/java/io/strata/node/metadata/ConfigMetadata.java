package io.strata.node.metadata;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The config table: named JSON documents (e.g. {@code coordinator.config}), audited on change. */
public interface ConfigMetadata {

	Optional<String> get(String name);

	void set(String name, String payload, AuditInfo audit);

	/** The audited changes of one config, oldest first: each payload as it was set. */
	List<ConfigChange> history(String name);

	/** One audited change: the whole payload set, and who set it. */
	record ConfigChange(String payload, AuditInfo audit) {

		public ConfigChange {
			Objects.requireNonNull(payload, "payload");
			Objects.requireNonNull(audit, "audit");
		}

	}

}
