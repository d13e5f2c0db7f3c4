package io.strata.engine.batch;

import io.strata.engine.input.ParseError;

import java.util.List;

/**
 * What a batch ingestion made and met, for the task report (Druid's {@code rowStats} and {@code
 * unparseableEvents}).
 * @param processed rows ingested (before rollup)
 * @param unparseable rows rejected as unparseable
 * @param thrownAway rows the transformSpec filter refused and rows outside the granularity spec's intervals
 * @param parseErrors the first {@code maxSavedParseExceptions} unparseable rows
 */
public record BatchIngestionResult(List<BuiltSegment> segments, long processed, long unparseable, long thrownAway,
		List<ParseError> parseErrors) {

	public BatchIngestionResult {
		segments = List.copyOf(segments);
		parseErrors = List.copyOf(parseErrors);
	}

}
