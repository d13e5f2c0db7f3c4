package io.strata.engine.query.exec;

import io.strata.engine.query.DataSourceMetadataQuery;
import io.strata.engine.query.GroupByQuery;
import io.strata.engine.query.Query;
import io.strata.engine.query.ScanQuery;
import io.strata.engine.query.SegmentMetadataQuery;
import io.strata.engine.query.TimeBoundaryQuery;
import io.strata.engine.query.QueryJson;
import io.strata.engine.query.TimeseriesQuery;
import io.strata.engine.query.TopNQuery;
import io.strata.engine.segment.Segment;

import java.util.List;

/**
 * The engine's entry point: a query (JSON or record) over a set of segments, answered as Druid's
 * JSON. Queries on a datasource the segments do not belong to answer {@code []}, as Druid does for
 * an unknown datasource. Stateless and thread-safe.
 */
public final class QueryRunner {

	private final QueryJson json = new QueryJson();

	private final TimeseriesEngine timeseries = new TimeseriesEngine();

	private final TimeseriesResults timeseriesResults = new TimeseriesResults();

	private final GroupingEngine grouping = new GroupingEngine();

	private final GroupedResults groupedResults = new GroupedResults();

	private final ScanEngine scan = new ScanEngine();

	private final TimeBoundaryEngine timeBoundary = new TimeBoundaryEngine();

	private final MetadataEngine metadata = new MetadataEngine();

	public String run(String queryJson, List<Segment> segments) {
		return run(this.json.read(queryJson), segments);
	}

	public String run(Query query, List<Segment> segments) {
		List<Segment> own = segments.stream()
			.filter(segment -> segment.id().dataSource().equals(query.dataSource()))
			.map(segment -> query.virtualColumns().isEmpty() ? segment
					: (Segment) new VirtualColumnSegment(segment, query.virtualColumns()))
			.toList();
		return switch (query) {
			case TimeseriesQuery timeseriesQuery -> {
				if (own.isEmpty()) {
					yield "[]";
				}
				TimeseriesEngine.Partial partial = this.timeseries.run(timeseriesQuery, own);
				yield this.timeseriesResults.toJson(this.timeseriesResults.rows(timeseriesQuery, partial));
			}
			case TopNQuery topN -> {
				GroupingEngine.Groups groups = this.grouping.run(own, topN.intervals(), topN.granularity(),
						topN.filter(), List.of(topN.dimension()), topN.aggregations());
				yield this.groupedResults.topN(topN, groups);
			}
			case GroupByQuery groupBy -> {
				GroupingEngine.Groups groups = this.grouping.run(own, groupBy.intervals(), groupBy.granularity(),
						groupBy.filter(), groupBy.dimensions(), groupBy.aggregations());
				yield this.groupedResults.groupBy(groupBy, groups);
			}
			case ScanQuery scanQuery -> this.scan.run(scanQuery, own);
			case TimeBoundaryQuery boundary -> this.timeBoundary.run(boundary, own);
			case SegmentMetadataQuery segmentMetadata -> this.metadata.segmentMetadata(segmentMetadata, own);
			case DataSourceMetadataQuery dataSourceMetadata -> this.metadata.dataSourceMetadata(dataSourceMetadata, own);
		};
	}

}
