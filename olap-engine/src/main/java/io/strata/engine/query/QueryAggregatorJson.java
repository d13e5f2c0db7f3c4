package io.strata.engine.query;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.AggregatorSpecJson;
import io.strata.engine.aggregation.FilteredAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregation;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.expr.Expr;
import io.strata.engine.json.SpecNode;
import io.strata.engine.query.filter.DimFilter;

import java.util.List;
import java.util.function.Function;

/**
 * Reads a query's {@code aggregations}: {@code filtered} here, since its filter is part of the
 * query model, everything else through {@link AggregatorSpecJson}. A sum, min or max given an
 * {@code expression} instead of a {@code fieldName} (as Druid's queries allow) reads a virtual
 * column of that expression, added to {@code expressionColumns} under a name no query column has.
 */
final class QueryAggregatorJson {

	private QueryAggregatorJson() {
	}

	/** The prefix of the virtual columns that expression aggregators read. */
	static final String EXPRESSION_COLUMN_PREFIX = "__strata_aggregator_expression_";

	static AggregatorSpec read(SpecNode node, Function<SpecNode, DimFilter> filters,
			List<VirtualColumn> expressionColumns) {
		node.requireObject();
		String type = node.optionalString("type", null);
		NumericAggregation numeric = type == null ? null : NumericAggregation.fromTypeName(type);
		if (numeric != null && node.has("expression")) {
			if (node.has("fieldName")) {
				throw node.error("expression", "cannot be given with fieldName; give one of them");
			}
			String name = node.requiredString("name");
			String text = node.requiredString("expression");
			String column = EXPRESSION_COLUMN_PREFIX + name;
			Expr parsed = QueryJson.expression(node, "expression", text);
			expressionColumns.add(new VirtualColumn(column, text, parsed, numeric.type()));
			return node.build(() -> new NumericAggregatorSpec(numeric, name, column));
		}
		if (!"filtered".equals(type)) {
			return AggregatorSpecJson.read(node);
		}
		DimFilter filter = filters.apply(node.requiredObject("filter"));
		AggregatorSpec aggregator = read(node.requiredObject("aggregator"), filters, expressionColumns);
		// Druid names a filtered aggregator after its inner one unless given a name
		String name = node.optionalString("name", aggregator.name());
		return node.build(() -> new FilteredAggregatorSpec(name, filter, aggregator));
	}

}
