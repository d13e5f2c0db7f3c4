package io.strata.engine.aggregation;

import io.strata.engine.type.ColumnType;

import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code filtered}: the inner aggregator sees only the rows the filter matches, and the
 * result is the inner aggregator's (0 for a count over no rows, null for a sum). Query-time only
 * in Strata.
 * @param name the output name; Druid defaults it to the inner aggregator's name
 */
public record FilteredAggregatorSpec(String name, RowFilter filter, AggregatorSpec aggregator)
		implements AggregatorSpec {

	public FilteredAggregatorSpec {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(filter, "filter");
		Objects.requireNonNull(aggregator, "aggregator");
	}

	/** The innermost aggregator: what computes the value once the filters have chosen the rows. */
	public AggregatorSpec unwrapped() {
		AggregatorSpec inner = this.aggregator;
		while (inner instanceof FilteredAggregatorSpec filtered) {
			inner = filtered.aggregator();
		}
		return inner;
	}

	@Override
	public String typeName() {
		return "filtered";
	}

	@Override
	public ColumnType storedType() {
		return this.aggregator.storedType();
	}

	@Override
	public List<String> inputFields() {
		return this.aggregator.inputFields();
	}

}
