package io.strata.engine.query.exec;

/**
 * The input of a query-time-only aggregator ({@code filtered}, first/last, {@code cardinality})
 * bound to one segment: folds one selected row into a state. {@link SegmentAggregator} hands such
 * aggregators their rows one at a time. Single-threaded.
 */
sealed interface RowInput permits FilteredInput, FirstLastInput, CardinalityInput {

	void aggregate(int row, AggregateState state);

}
