package io.strata.engine.batch;

import io.strata.engine.input.ParseExceptionHandler;

import java.util.Objects;

/**
 * The parts of Druid's {@code index_parallel} / {@code compact} {@code tuningConfig} that shape
 * the segments and bound the memory of one worker.
 * @param maxRowsInMemory rows (after rollup) held in memory, over all open intervals and
 * partitions, before they are persisted to disk; Druid's default 1,000,000
 * @param maxBytesInMemory estimated bytes held before persisting; Druid's default is a sixth of
 * the heap
 * @param maxParseExceptions unparseable rows tolerated before the ingestion fails
 * @param maxSavedParseExceptions unparseable rows kept, with their reasons, for the report
 */
public record BatchTuningConfig(PartitionsSpec partitionsSpec, int maxRowsInMemory, long maxBytesInMemory,
		int maxParseExceptions, int maxSavedParseExceptions) {

	public static final int DEFAULT_MAX_ROWS_IN_MEMORY = 1_000_000;

	public BatchTuningConfig {
		Objects.requireNonNull(partitionsSpec, "partitionsSpec");
		if (maxRowsInMemory <= 0) {
			throw new IllegalArgumentException("maxRowsInMemory must be positive");
		}
		if (maxBytesInMemory <= 0) {
			throw new IllegalArgumentException("maxBytesInMemory must be positive");
		}
		if (maxParseExceptions < 0 || maxSavedParseExceptions < 0) {
			throw new IllegalArgumentException("maxParseExceptions and maxSavedParseExceptions must not be negative");
		}
	}

	/** Druid's default for {@code maxBytesInMemory}: a sixth of the maximum heap. */
	public static long defaultMaxBytesInMemory() {
		return Runtime.getRuntime().maxMemory() / 6;
	}

	/** Druid's defaults, with the given partitioning. */
	public static BatchTuningConfig defaults(PartitionsSpec partitionsSpec) {
		return new BatchTuningConfig(partitionsSpec, DEFAULT_MAX_ROWS_IN_MEMORY, defaultMaxBytesInMemory(),
				ParseExceptionHandler.UNLIMITED, 0);
	}

	public BatchTuningConfig withMaxRowsInMemory(int rows) {
		return new BatchTuningConfig(this.partitionsSpec, rows, this.maxBytesInMemory, this.maxParseExceptions,
				this.maxSavedParseExceptions);
	}

	public BatchTuningConfig withParseExceptions(int max, int maxSaved) {
		return new BatchTuningConfig(this.partitionsSpec, this.maxRowsInMemory, this.maxBytesInMemory, max, maxSaved);
	}

}
