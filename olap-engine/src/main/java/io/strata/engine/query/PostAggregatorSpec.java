package io.strata.engine.query;

import java.util.List;

/** Druid's post-aggregators: computed per result row from aggregated values. */
public sealed interface PostAggregatorSpec
		permits PostAggregatorSpec.Arithmetic, PostAggregatorSpec.FieldAccess, PostAggregatorSpec.Constant,
		GreatestLeastPostAggregatorSpec, SketchPostAggregatorSpec {

	String name();

	/** {@code arithmetic}: fn over fields, always floating point; {@code /} by zero gives 0. */
	record Arithmetic(String name, String fn, List<PostAggregatorSpec> fields) implements PostAggregatorSpec {

		public Arithmetic {
			fields = List.copyOf(fields);
			if (!List.of("+", "-", "*", "/", "quotient", "pow").contains(fn)) {
				throw new IllegalArgumentException("fn must be one of [+, -, *, /, quotient, pow]");
			}
			if (fields.size() < 2) {
				throw new IllegalArgumentException("arithmetic needs at least two fields");
			}
		}

	}

	/** {@code fieldAccess} / {@code finalizingFieldAccess}: the value of an aggregator. */
	record FieldAccess(String name, String fieldName, boolean finalizing) implements PostAggregatorSpec {

	}

	/** {@code constant}. */
	record Constant(String name, double value) implements PostAggregatorSpec {

	}

}
