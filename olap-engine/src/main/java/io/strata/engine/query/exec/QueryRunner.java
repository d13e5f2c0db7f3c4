package io.strata.engine.query.exec;

import io.strata.engine.error.DruidErrorJson;
import io.strata.engine.error.StrataException;
import io.strata.engine.query.DataSourceMetadataQuery;
import io.strata.engine.query.GroupByQuery;
import io.strata.engine.query.Query;
import io.strata.engine.query.QueryJson;
import io.strata.engine.query.ScanQuery;
import io.strata.engine.query.SearchQuery;
import io.strata.engine.query.SegmentMetadataQuery;
import io.strata.engine.query.TimeBoundaryQuery;
import io.strata.engine.query.TimeseriesQuery;
import io.strata.engine.query.TopNQuery;
import io.strata.engine.segment.Segment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The engine's entry point: a query (JSON or record) over a set of segments — persisted or live
 * incremental-index views, through the same per-segment runners — answered as Druid's JSON.
 * Segments are processed in parallel on the processing pool given (bounded by its size) and their
 * partial results merged in the order Druid defines; scans stream. Queries on a datasource the
 * segments do not belong to answer {@code []}, as Druid does for an unknown datasource. The
 * context's {@code timeout} interrupts work with Druid's timeout error; groupings past the group
 * limit fail with Druid's resource-limit error. Thread-safe.
 */
public final class QueryRunner {

	private final QueryJson json = new QueryJson();

	private final DruidErrorJson errors = new DruidErrorJson();

	private final SegmentTasks tasks;

	private final QueryLimits limits;

	private final HeapGuard heap = new HeapGuard();

	private final TimeseriesEngine timeseries = new TimeseriesEngine();

	private final TimeseriesResults timeseriesResults = new TimeseriesResults();

	private final GroupingEngine grouping = new GroupingEngine();

	private final GroupedResults groupedResults = new GroupedResults();

	private final ScanEngine scan = new ScanEngine();

	private final TimeBoundaryEngine timeBoundary = new TimeBoundaryEngine();

	private final MetadataEngine metadata = new MetadataEngine();

	private final SearchEngine search = new SearchEngine();

	private final IntermediateResults intermediate = new IntermediateResults();

	private final ResultMerger merger = new ResultMerger();

	/** Runs every query on the calling thread with Druid's default limits. */
	public QueryRunner() {
		this(null, QueryLimits.defaults());
	}

	/**
	 * @param pool the processing pool segments run on (its size bounds the parallelism), or null
	 * for the calling thread; the caller owns and shuts it down
	 */
	public QueryRunner(ExecutorService pool, QueryLimits limits) {
		this.tasks = new SegmentTasks(pool);
		this.limits = limits;
	}

	/** A query's answer: the HTTP status and body Druid would send (results or error JSON). */
	public record Answer(int status, String body) {

	}

	/** Runs a query given as JSON; any failure becomes Druid's error JSON with its HTTP status. */
	public Answer answer(String queryJson, List<Segment> segments, String host) {
		try {
			return new Answer(200, run(queryJson, segments));
		}
		catch (RuntimeException ex) {
			StrataException error = this.errors.wrapUnexpected(ex);
			return new Answer(error.errorCode().httpStatus(), this.errors.render(error, host));
		}
	}

	public String run(String queryJson, List<Segment> segments) {
		return run(this.json.read(queryJson), segments);
	}

	public String run(Query query, List<Segment> segments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		run(query, segments, out);
		return out.toString(StandardCharsets.UTF_8);
	}

	/**
	 * Writes the results of {@code query} to {@code out} as UTF-8 JSON; scans are written as they
	 * are read. An error thrown after the first byte leaves the output cut short, as Druid does.
	 */
	public void run(Query query, List<Segment> segments, OutputStream out) {
		List<Segment> own = segments.stream()
			.filter(segment -> segment.id().dataSource().equals(query.dataSource()))
			.map(segment -> query.virtualColumns().isEmpty() ? segment
					: (Segment) new VirtualColumnSegment(segment, query.virtualColumns()))
			.toList();
		QueryControl control = QueryControl.start(query, this.limits, this.heap);
		// finalize=false: a data server's intermediate answer, for the broker's mergeResults
		boolean finalize = !IntermediateResults.requested(query);
		if (query instanceof ScanQuery scanQuery) {
			this.scan.run(finalize ? scanQuery : IntermediateResults.scan(scanQuery), own, control, out);
			return;
		}
		String body = switch (query) {
			case TimeseriesQuery timeseriesQuery -> {
				if (own.isEmpty()) {
					yield "[]";
				}
				List<TimeseriesEngine.Partial> partials = this.tasks.map(own, control,
						segment -> this.timeseries.runSegment(timeseriesQuery, segment, control));
				TimeseriesEngine.Partial partial = this.timeseries.merge(timeseriesQuery, partials);
				if (!finalize) {
					yield this.intermediate.timeseries(timeseriesQuery, partial, control);
				}
				yield this.timeseriesResults.toJson(this.timeseriesResults.rows(timeseriesQuery, partial, control),
						timeseriesQuery.granularity().resultZone());
			}
			case TopNQuery topN -> {
				SegmentTopN pruning = SegmentTopN.of(topN);
				GroupValueIds ids = new GroupValueIds(1);
				List<GroupingEngine.Groups> partials = this.tasks.map(own, control,
						segment -> this.grouping.runSegment(segment, topN.intervals(), topN.granularity(), topN.filter(),
								List.of(topN.dimension()), topN.aggregations(), pruning, ids, control));
				GroupingEngine.Groups groups = this.grouping.merge(partials, ids, control);
				yield finalize ? this.groupedResults.topN(topN, groups) : this.intermediate.topN(topN, groups);
			}
			case GroupByQuery groupBy -> {
				GroupValueIds ids = new GroupValueIds(groupBy.dimensions().size());
				List<GroupingEngine.Groups> partials = this.tasks.map(own, control,
						segment -> this.grouping.runSegment(segment, groupBy.intervals(), groupBy.granularity(),
								groupBy.filter(), groupBy.dimensions(), groupBy.aggregations(), null, ids, control));
				GroupingEngine.Groups groups = this.grouping.merge(partials, ids, control);
				yield finalize ? this.groupedResults.groupBy(groupBy, groups) : this.intermediate.groupBy(groupBy, groups);
			}
			case ScanQuery scanQuery -> throw StrataException.defensive("scan is streamed above");
			case TimeBoundaryQuery boundary -> this.timeBoundary.run(boundary, own);
			case SegmentMetadataQuery segmentMetadata -> this.metadata.segmentMetadata(segmentMetadata, own);
			case DataSourceMetadataQuery dataSourceMetadata -> this.metadata.dataSourceMetadata(dataSourceMetadata, own);
			case SearchQuery searchQuery -> this.search.run(searchQuery, own);
		};
		try {
			out.write(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Writing the results of query[%s] failed", control.queryId());
		}
	}

	/** As {@link #mergeResults(Query, List)} for a query given as JSON. */
	public String mergeResults(String queryJson, List<String> serverAnswers) {
		return mergeResults(this.json.read(queryJson), serverAnswers);
	}

	/**
	 * The broker's side of a query fanned out to data servers: merges the answers they gave to
	 * {@code query} run with context {@code finalize: false} (each over its own segments) into
	 * Druid's final JSON, the answer {@code query} has over all their segments (topN within Druid's
	 * approximation). The query's own context is used as is: its {@code finalize} is ignored.
	 * @param serverAnswers JSON arrays, in the order the broker knows the servers; none gives {@code []}
	 * @throws StrataException when an answer is not what a data server writes, naming where
	 */
	public String mergeResults(Query query, List<String> serverAnswers) {
		if (serverAnswers.isEmpty()) {
			return "[]";
		}
		return this.merger.merge(query, serverAnswers, QueryControl.start(query, this.limits, this.heap));
	}

}
