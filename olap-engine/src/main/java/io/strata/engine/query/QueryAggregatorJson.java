package io.strata.engine.query;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.AggregatorSpecJson;
import io.strata.engine.aggregation.FilteredAggregatorSpec;
import io.strata.engine.json.SpecNode;
import io.strata.engine.query.filter.DimFilter;

import java.util.function.Function;

/**
 * Reads a query's {@code aggregations}: {@code filtered} here, since its filter is part of the
 * query model, everything else through {@link AggregatorSpecJson}.
 */
final class QueryAggregatorJson {

	private QueryAggregatorJson() {
	}

	static AggregatorSpec read(SpecNode node, Function<SpecNode, DimFilter> filters) {
		node.requireObject();
		if (!"filtered".equals(node.optionalString("type", null))) {
			return AggregatorSpecJson.read(node);
		}
		DimFilter filter = filters.apply(node.requiredObject("filter"));
		AggregatorSpec aggregator = read(node.requiredObject("aggregator"), filters);
		// Druid names a filtered aggregator after its inner one unless given a name
		String name = node.optionalString("name", aggregator.name());
		return node.build(() -> new FilteredAggregatorSpec(name, filter, aggregator));
	}

}
