package io.strata.engine.query;

import java.util.List;

/** Druid's groupBy {@code having} specs, applied to result rows after post-aggregation. */
public sealed interface HavingSpec permits HavingSpec.Compare, HavingSpec.DimSelector, HavingSpec.And,
		HavingSpec.Or, HavingSpec.Not {

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

}
