package io.strata.engine.batch;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.DimensionSchema;
import io.strata.engine.ingest.DimensionsSpec;
import io.strata.engine.ingest.GranularitySpec;
import io.strata.engine.input.TimestampFormat;
import io.strata.engine.input.TimestampSpec;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of a {@code compact} task on one worker: re-ingests the rows of the segments of an
 * interval (already rolled up) into fewer, larger segments with a given partitioning, as Druid
 * does. Every dimension of the inputs is kept (the union, in the inputs' order) and every metric
 * is re-aggregated by its {@link CombiningAggregators combining aggregator}, so rows that now share
 * a key combine correctly and query results do not change. Stateless.
 */
public final class SegmentCompactor {

	/**
	 * @param segments the visible segments of {@code interval}, open; the caller closes them. Each
	 * must lie inside {@code interval}
	 * @param segmentGranularity the granularity of the new segments
	 * @param version the new segments' version, newer than the inputs' so that they overshadow them
	 * @param directory where temporary files and the new segments are written
	 */
	public List<BuiltSegment> compact(String dataSource, List<Segment> segments, Interval interval,
			Granularity segmentGranularity, BatchTuningConfig tuning, String version, Path directory) {
		if (segments.isEmpty()) {
			throw StrataException.invalidInput("Compacting interval[%s] of dataSource[%s] needs at least one segment",
					interval, dataSource);
		}
		for (Segment segment : segments) {
			if (!interval.contains(segment.id().interval())) {
				throw StrataException.invalidInput("Segment[%s] is not inside the compaction interval[%s]", segment.id(),
						interval);
			}
		}
		DataSchema schema = schema(dataSource, segments, interval, segmentGranularity);
		BatchSegmentBuilder builder = new BatchSegmentBuilder(schema, tuning, shardCounts(segments, schema, tuning),
				version, directory);
		for (Segment segment : segments) {
			new SegmentRowReader(segment).forEach(builder::add);
		}
		return builder.finish();
	}

	/** The data schema that re-ingests the segments: their dimensions and combining metrics. */
	static DataSchema schema(String dataSource, List<Segment> segments, Interval interval,
			Granularity segmentGranularity) {
		Map<String, DimensionSchema> dimensions = new LinkedHashMap<>();
		Map<String, AggregatorSpec> metrics = new LinkedHashMap<>();
		SegmentMetadata first = segments.getFirst().metadata();
		boolean rollup = true;
		for (Segment segment : segments) {
			SegmentMetadata metadata = segment.metadata();
			if (!metadata.queryGranularity().equals(first.queryGranularity())) {
				throw StrataException.invalidInput(
						"Segment[%s] has another query granularity than segment[%s]; they cannot be compacted together",
						metadata.id(), first.id());
			}
			rollup &= metadata.rollup();
			for (ColumnSummary dimension : metadata.dimensions()) {
				DimensionSchema schema = DimensionSchema.of(dimension.name(), dimension.type());
				DimensionSchema known = dimensions.putIfAbsent(dimension.name(), schema);
				if (known != null && known.type() != schema.type()) {
					throw StrataException.invalidInput("Dimension[%s] is %s in one segment and %s in segment[%s]",
							dimension.name(), known.type(), schema.type(), metadata.id());
				}
			}
			for (AggregatorSpec aggregator : metadata.aggregators()) {
				AggregatorSpec combining = CombiningAggregators.of(aggregator);
				AggregatorSpec known = metrics.putIfAbsent(aggregator.name(), combining);
				if (known != null && !known.equals(combining)) {
					throw StrataException.invalidInput(
							"Metric[%s] is aggregated differently in segment[%s] than in an earlier segment",
							aggregator.name(), metadata.id());
				}
			}
		}
		GranularitySpec granularity = new GranularitySpec(segmentGranularity, first.queryGranularity(), rollup,
				List.of(interval));
		return new DataSchema(dataSource, TimestampSpec.of(Segment.TIME_COLUMN, TimestampFormat.MILLIS),
				DimensionsSpec.explicit(new ArrayList<>(dimensions.values())), new ArrayList<>(metrics.values()),
				granularity);
	}

	/**
	 * Hashed partitioning without {@code numShards}: the rows per new interval, counted from the
	 * time columns, divided by the target (an upper bound: rows of different segments may combine).
	 */
	private static java.util.function.LongToIntFunction shardCounts(List<Segment> segments, DataSchema schema,
			BatchTuningConfig tuning) {
		if (!(tuning.partitionsSpec() instanceof HashedPartitionsSpec hashed)) {
			return start -> 1;
		}
		if (hashed.numShards() != null) {
			int shards = hashed.numShards();
			return start -> shards;
		}
		Granularity granularity = schema.granularitySpec().segmentGranularity();
		Map<Long, Long> rows = new TreeMap<>();
		for (Segment segment : segments) {
			NumericValues times = segment.time().open();
			int count = segment.numRows();
			long bucketEnd = Long.MIN_VALUE;
			long bucketStart = 0;
			long inBucket = 0;
			for (int row = 0; row < count; row++) {
				long time = times.getLong(row);
				if (time >= bucketEnd || time < bucketStart) {
					if (inBucket > 0) {
						rows.merge(bucketStart, inBucket, Long::sum);
					}
					bucketStart = granularity.bucketStart(time);
					bucketEnd = granularity.next(bucketStart);
					inBucket = 0;
				}
				inBucket++;
			}
			if (inBucket > 0) {
				rows.merge(bucketStart, inBucket, Long::sum);
			}
		}
		return start -> hashed.shardsFor(rows.getOrDefault(start, 0L));
	}

}
