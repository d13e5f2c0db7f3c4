package io.strata.engine.aggregation;

import io.strata.engine.type.ColumnType;

import java.util.List;

/**
 * An aggregator as Druid's {@code metricsSpec} and query {@code aggregations} name it: what it
 * reads, what it outputs, and the column type its ingest-time state is stored as.
 */
public sealed interface AggregatorSpec
		permits CountAggregatorSpec, NumericAggregatorSpec, SketchAggregatorSpec, FirstLastAggregatorSpec,
		FilteredAggregatorSpec, CardinalityAggregatorSpec, HyperUniqueAggregatorSpec {

	/** The output (and stored column) name. */
	String name();

	/** Druid's {@code type} string, e.g. {@code longSum}. */
	String typeName();

	/** The column type a rolled-up value is stored as. */
	ColumnType storedType();

	/** The input fields read, none for {@code count}. */
	List<String> inputFields();

}
