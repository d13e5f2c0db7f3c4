package io.strata.node.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.ingest.IndexPersister;
import io.strata.engine.ingest.IndexingPipeline;
import io.strata.engine.ingest.IngestSpecJson;
import io.strata.engine.input.InputRow;
import io.strata.engine.input.InputRowFactory;
import io.strata.engine.input.JsonInputFormatSpec;
import io.strata.engine.input.RowRejection;
import io.strata.engine.input.RowSink;
import io.strata.engine.input.TextInputReader;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.segment.format.SegmentFormat;
import io.strata.engine.time.Interval;
import io.strata.sample.NdjsonWriter;
import io.strata.sample.UsageCatalog;
import io.strata.sample.UsageDataConfig;
import io.strata.sample.UsageEventGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds usage segments with the engine, as ingestion will: generated events, day segments, minute rollup. */
final class UsageSegments {

	static final String DATA_SOURCE = "usage";

	static final String SCHEMA = """
			{
			  "dataSource": "usage",
			  "timestampSpec": {"column": "timestamp", "format": "iso"},
			  "dimensionsSpec": {"dimensions": ["accountId", "apiName", "statusCode", "bundles", "source", "region", "plan"]},
			  "metricsSpec": [
			    {"type": "count", "name": "calls"},
			    {"type": "longSum", "name": "latencyMs", "fieldName": "latencyMs"},
			    {"type": "longSum", "name": "bytes", "fieldName": "bytes"},
			    {"type": "HLLSketchBuild", "name": "users", "fieldName": "userId", "lgK": 12, "tgtHllType": "HLL_4"}
			  ],
			  "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "minute", "rollup": true}
			}
			""";

	static final Instant START = Instant.parse("2026-10-01T00:00:00Z");

	private final DataSchema schema = new IngestSpecJson().readDataSchema(SCHEMA);

	private final byte[] ndjson;

	UsageSegments(int days, long events) {
		UsageDataConfig config = new UsageDataConfig(7, START, days, events, 500, UsageCatalog.API_NAMES.size(),
				UsageCatalog.BUNDLE_NAMES.size(), 1.1);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			new NdjsonWriter().write(new UsageEventGenerator(config), out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.ndjson = out.toByteArray();
	}

	/** The generated events as NDJSON, one per line, as an ingestion task reads them. */
	byte[] ndjson() {
		return this.ndjson.clone();
	}

	/** One segment per day, partition 0, of the given version; returns the segment files. */
	List<Path> build(Path directory, String version) {
		IndexingPipeline pipeline = new IndexingPipeline(this.schema, directory, version, 500_000, 1L << 30, 10);
		read(pipeline);
		List<Path> files = new ArrayList<>();
		for (SegmentMetadata segment : pipeline.finish()) {
			files.add(directory.resolve("segments").resolve(segment.id().toString()).resolve(SegmentFormat.FILE_NAME));
		}
		return files;
	}

	/**
	 * A re-index of one day as {@code partitions} partitions of {@code version}, each holding every
	 * row of the day: the day's counts multiply by {@code partitions}, so a query tells versions apart.
	 */
	List<Path> buildDay(Path directory, Interval day, String version, int partitions) throws IOException {
		List<Path> files = new ArrayList<>();
		for (int partition = 0; partition < partitions; partition++) {
			IncrementalIndex index = new IncrementalIndex(this.schema, day, List.of());
			read(new RowSink() {
				@Override
				public void accept(InputRow row) {
					if (day.contains(row.timestampMillis())) {
						index.add(row);
					}
				}

				@Override
				public void reject(RowRejection rejection) {
					throw new IllegalStateException(rejection.reason());
				}
			});
			SegmentId id = new SegmentId(DATA_SOURCE, day, version, partition);
			Path file = directory.resolve(id.toString()).resolve(SegmentFormat.FILE_NAME);
			Files.createDirectories(file.getParent());
			new IndexPersister().persist(index, id, file);
			files.add(file);
		}
		return files;
	}

	private void read(RowSink sink) {
		try (InputStream in = new ByteArrayInputStream(this.ndjson)) {
			new TextInputReader(new JsonInputFormatSpec(), new InputRowFactory(this.schema.timestampSpec())).read(in,
					sink);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Queries over the first days of the data: every query type and filter the cluster tests compare with the engine. */
	static List<String> queries() {
		return List.of("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": ["2026-10-01/2026-10-05"],
				 "granularity": "day", "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"},
				   {"type": "longSum", "name": "bytes", "fieldName": "bytes"},
				   {"type": "HLLSketchMerge", "name": "users", "fieldName": "users"}],
				 "postAggregations": [{"type": "arithmetic", "name": "bytesPerCall", "fn": "/",
				   "fields": [{"type": "fieldAccess", "fieldName": "bytes"}, {"type": "fieldAccess", "fieldName": "calls"}]}]}""",
				"""
				{"queryType": "topN", "dataSource": "usage", "intervals": ["2026-10-01/2026-10-05"], "granularity": "all",
				 "dimension": "apiName", "metric": "calls", "threshold": 5,
				 "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"}]}""",
				"""
				{"queryType": "groupBy", "dataSource": "usage", "intervals": ["2026-10-01T06:00/2026-10-03T18:00"],
				 "granularity": "all", "dimensions": ["statusCode", "region"],
				 "filter": {"type": "not", "field": {"type": "selector", "dimension": "statusCode", "value": "200"}},
				 "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"},
				   {"type": "longSum", "name": "latencyMs", "fieldName": "latencyMs"}],
				 "limitSpec": {"type": "default", "limit": 10, "columns": [{"dimension": "calls", "direction": "descending"}]}}""",
				"""
				{"queryType": "timeseries", "dataSource": "usage", "granularity": "all",
				 "intervals": ["2026-10-02T01:00/2026-10-02T05:00", "2026-10-02T09:30/2026-10-02T17:00", "2026-10-03T23:00/2026-10-04T02:00"],
				 "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"}]}""",
				"""
				{"queryType": "timeBoundary", "dataSource": "usage"}""",
				"""
				{"queryType": "search", "dataSource": "usage", "intervals": ["2026-10-01/2026-10-05"], "granularity": "all",
				 "searchDimensions": ["apiName"], "query": {"type": "insensitive_contains", "value": "e"},
				 "sort": {"type": "lexicographic"}}""");
	}

	/** Opens segment files with the engine's reader; the caller closes them. */
	static List<Segment> open(List<Path> files) {
		List<Segment> segments = new ArrayList<>();
		for (Path file : files) {
			assertThat(Files.exists(file)).isTrue();
			segments.add(new SegmentFileReader().open(file));
		}
		return segments;
	}

}
