package io.strata.node.metadata.jdbc;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;

/** One row of {@code <prefix>_config}. */
record ConfigRow(@Id @Column("name") String name, @Column("payload") String payload) {

}
