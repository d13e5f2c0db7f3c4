package io.strata.node.metadata.jdbc;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;

/** One row of {@code <prefix>_segments}, with Druid's column names. */
record SegmentRow(@Id String id, @Column("dataSource") String dataSource, @Column("created_date") String createdDate,
		@Column("start") String start, @Column("end") String end, @Column("partitioned") boolean partitioned,
		@Column("version") String version, @Column("used") boolean used, @Column("payload") String payload,
		@Column("used_status_last_updated") String usedStatusLastUpdated) {

}
