package io.strata.engine.query;

import io.strata.engine.time.Interval;

import java.util.List;

/** LOGICAL: a Druid native query. One record per query type. */
public sealed interface Query
		permits TimeseriesQuery, TopNQuery, GroupByQuery, ScanQuery, TimeBoundaryQuery, SegmentMetadataQuery,
		DataSourceMetadataQuery, SearchQuery {

	String dataSource();

	List<Interval> intervals();

	QueryContext context();

	/** The query's virtual columns; none for query types that have no such field. */
	default List<VirtualColumn> virtualColumns() {
		return List.of();
	}

}
