package io.strata.engine.query;

import io.strata.engine.time.Interval;

import java.util.List;
import java.util.Objects;

/** Druid's {@code dataSourceMetadata}: the time of the latest ingested row. */
public record DataSourceMetadataQuery(String dataSource, List<Interval> intervals, QueryContext context)
		implements Query {

	public DataSourceMetadataQuery {
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(context, "context");
		intervals = List.copyOf(intervals);
	}

}
