package io.strata.engine.query;

import io.strata.engine.query.filter.DimFilter;

import java.util.List;
import java.util.Objects;

/** Druid's groupBy {@code having} specs, applied to result rows after post-aggregation. */
public sealed interface HavingSpec permits HavingSpec.Compare, HavingSpec.DimSelector, HavingSpec.And,
		HavingSpec.Or, HavingSpec.Not, HavingSpec.Filter {

	/** {@code greaterThan} / {@code lessThan} / {@code equalTo} on an aggregator. */
	record Compare(String type, String aggregation, double value) implements HavingSpec {

	}

	/** {@code dimSelector}. */
	record DimSelector(String dimension, String value) implements HavingSpec {

	}

	record And(List<HavingSpec> havingSpecs) implements HavingSpec {

		public And {
			havingSpecs = List.copyOf(havingSpecs);
		}

	}

	record Or(List<HavingSpec> havingSpecs) implements HavingSpec {

		public Or {
			havingSpecs = List.copyOf(havingSpecs);
		}

	}

	record Not(HavingSpec havingSpec) implements HavingSpec {

	}

	/**
	 * {@code filter}: a query filter tested on the result row, whose columns are its dimensions,
	 * aggregators and post-aggregators by output name.
	 */
	record Filter(DimFilter filter) implements HavingSpec {

		public Filter {
			Objects.requireNonNull(filter, "filter");
		}

	}

}
