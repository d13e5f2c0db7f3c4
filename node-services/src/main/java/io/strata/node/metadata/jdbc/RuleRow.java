package io.strata.node.metadata.jdbc;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;

/** One row of {@code <prefix>_rules}: a datasource's whole rule list as of {@code version}. */
record RuleRow(@Id String id, @Column("dataSource") String dataSource, @Column("version") String version,
		@Column("payload") String payload) {

}
