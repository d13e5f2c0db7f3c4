package io.strata.engine.batch;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.RowTransformer;
import io.strata.engine.input.InputRow;
import io.strata.engine.time.Granularity;
import org.apache.datasketches.hll.HllSketch;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Estimates how many rows each segment-granularity interval will hold after rollup, the first
 * pass of hashed partitioning without {@code numShards} (Druid's partial dimension cardinality
 * step): with rollup, an HLL sketch of the rows' keys (query-granularity time and every
 * dimension) per interval; without, an exact count. Rows are transformed and filtered as the
 * building pass will ({@link RowTransformer}). Single-threaded.
 */
final class RowCountEstimator {

	private static final int LG_K = 11;

	private final DataSchema schema;

	private final Granularity segmentGranularity;

	private final RowDimensions dimensions;

	private final HashPartitionFunction keys = new HashPartitionFunction(List.of());

	private final RowTransformer transformer;

	private final Map<Long, HllSketch> sketches = new TreeMap<>();

	private final Map<Long, Long> counts = new TreeMap<>();

	RowCountEstimator(DataSchema schema) {
		this.schema = schema;
		this.segmentGranularity = schema.granularitySpec().segmentGranularity();
		this.dimensions = new RowDimensions(schema);
		this.transformer = new RowTransformer(schema.transformSpec());
	}

	void add(InputRow input) {
		InputRow row;
		try {
			row = this.transformer.transform(input);
			if (!this.transformer.keeps(row)) {
				return;
			}
		}
		catch (StrataException ex) {
			if (ex.errorCode() != ErrorCode.UNPARSEABLE_ROW) {
				throw ex;
			}
			// counted and reported by the building pass
			return;
		}
		long intervalStart = this.segmentGranularity.bucketStart(row.timestampMillis());
		if (!this.schema.granularitySpec().rollup()) {
			this.counts.merge(intervalStart, 1L, Long::sum);
			return;
		}
		long truncated = Math.max(this.schema.granularitySpec().queryGranularity().bucketStart(row.timestampMillis()),
				intervalStart);
		this.sketches.computeIfAbsent(intervalStart, start -> new HllSketch(LG_K))
			.update(this.keys.key(row, truncated, this.dimensions.of(row)));
	}

	/** Estimated rows per interval start. */
	Map<Long, Long> estimates() {
		Map<Long, Long> result = new TreeMap<>(this.counts);
		this.sketches.forEach((start, sketch) -> result.put(start, Math.round(sketch.getEstimate())));
		return result;
	}

}
