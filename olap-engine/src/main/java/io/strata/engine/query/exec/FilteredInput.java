package io.strata.engine.query.exec;

import io.strata.engine.aggregation.FilteredAggregatorSpec;
import io.strata.engine.error.StrataException;
import io.strata.engine.query.filter.DimFilter;
import io.strata.engine.segment.Segment;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * A {@code filtered} aggregator on one segment: its filter is resolved once to the bitmap of rows
 * where it is true (unknown rows are left out, as in a query filter), and the inner aggregator
 * sees a selected row only when that bitmap holds it. Single-threaded.
 */
final class FilteredInput implements RowInput {

	private final ImmutableRoaringBitmap matches;

	private final boolean none;

	private final SegmentAggregator inner;

	FilteredInput(FilteredAggregatorSpec spec, Segment segment) {
		if (!(spec.filter() instanceof DimFilter filter)) {
			throw StrataException.defensive("Filtered aggregator[%s] holds no query filter", spec.name());
		}
		this.matches = new FilterResolver(segment).resolve(filter).match();
		this.none = this.matches.isEmpty();
		this.inner = new SegmentAggregator(spec.aggregator(), segment);
	}

	@Override
	public void aggregate(int row, AggregateState state) {
		if (!this.none && this.matches.contains(row)) {
			this.inner.aggregateRow(row, state);
		}
	}

}
