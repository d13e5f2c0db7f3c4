package io.strata.engine.aggregation;

/**
 * The filter a {@link FilteredAggregatorSpec} applies to the rows its aggregator sees. The query
 * model's {@code DimFilter} is the one implementation: this package is shared with ingestion and
 * cannot name the query model without a package cycle, so the filter travels under this type.
 */
public interface RowFilter {

}
