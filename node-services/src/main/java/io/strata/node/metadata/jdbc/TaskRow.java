package io.strata.node.metadata.jdbc;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;

/** One row of {@code <prefix>_tasks}, with Druid's column names. */
record TaskRow(@Id @Column("id") String id, @Column("created_date") String createdDate,
		@Column("datasource") String dataSource, @Column("payload") String payload,
		@Column("status_payload") String statusPayload, @Column("active") boolean active, @Column("type") String type,
		@Column("group_id") String groupId) {

}
