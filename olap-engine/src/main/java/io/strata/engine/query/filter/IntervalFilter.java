package io.strata.engine.query.filter;

import io.strata.engine.query.extraction.ExtractionFn;
import io.strata.engine.time.Interval;

import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code interval} filter: rows whose value, read as epoch millis, lies in one of the
 * half-open intervals. Druid turns each interval into a numeric bound {@code [start, end)}, so a
 * string column is compared by the number its values parse to (after extraction). Normally on
 * {@code __time}. A null value is unknown.
 * @param extractionFn null for none
 */
public record IntervalFilter(String dimension, List<Interval> intervals, ExtractionFn extractionFn)
		implements DimFilter {

	public IntervalFilter {
		Objects.requireNonNull(dimension, "dimension");
		intervals = List.copyOf(intervals);
		if (intervals.isEmpty()) {
			throw new IllegalArgumentException("intervals must not be empty");
		}
	}

}
