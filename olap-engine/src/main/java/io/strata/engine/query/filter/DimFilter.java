package io.strata.engine.query.filter;

import io.strata.engine.aggregation.RowFilter;

/**
 * A Druid query filter. Logic is three-valued as in Druid 32+: a comparison with a null value is
 * unknown, and NOT of unknown stays unknown, so {@code not(selector(d, "a"))} does not match rows
 * where {@code d} is null.
 */
public sealed interface DimFilter extends RowFilter
		permits SelectorFilter, InFilter, BoundFilter, NullFilter, AndFilter, OrFilter, NotFilter, TrueFilter,
		FalseFilter, LikeFilter, RegexFilter, SearchFilter, IntervalFilter, ExpressionFilter {

}
