package io.strata.node.metadata;

import java.util.Optional;

/** The config table: named JSON documents (e.g. {@code coordinator.config}), audited on change. */
public interface ConfigMetadata {

	Optional<String> get(String name);

	void set(String name, String payload, AuditInfo audit);

}
