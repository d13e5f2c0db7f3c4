package io.strata.engine.batch;

/**
 * {@code {"type":"dynamic"}}: segments are cut as rows arrive; a segment is finished once it holds
 * {@code maxRowsPerSegment} rows (after rollup), and every open segment is finished once they
 * hold {@code maxTotalRows} together. Shards are numbered.
 */
public record DynamicPartitionsSpec(int maxRowsPerSegment, long maxTotalRows) implements PartitionsSpec {

	/** Druid's default {@code maxRowsPerSegment}. */
	public static final int DEFAULT_MAX_ROWS_PER_SEGMENT = 5_000_000;

	/** Druid's default {@code maxTotalRows}. */
	public static final long DEFAULT_MAX_TOTAL_ROWS = 20_000_000L;

	public DynamicPartitionsSpec {
		if (maxRowsPerSegment <= 0) {
			throw new IllegalArgumentException("maxRowsPerSegment must be positive");
		}
		if (maxTotalRows <= 0) {
			throw new IllegalArgumentException("maxTotalRows must be positive");
		}
	}

	public static DynamicPartitionsSpec defaults() {
		return new DynamicPartitionsSpec(DEFAULT_MAX_ROWS_PER_SEGMENT, DEFAULT_MAX_TOTAL_ROWS);
	}

	public static DynamicPartitionsSpec ofMaxRows(int maxRowsPerSegment) {
		return new DynamicPartitionsSpec(maxRowsPerSegment, DEFAULT_MAX_TOTAL_ROWS);
	}

	@Override
	public String typeName() {
		return "dynamic";
	}

}
