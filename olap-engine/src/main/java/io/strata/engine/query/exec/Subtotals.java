package io.strata.engine.query.exec;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.query.DimensionSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One grouping of a groupBy's {@code subtotalsSpec}: the groups of all the query's dimensions
 * merged into groups of fewer, the dimensions left out set to null (how Druid returns them).
 * Stateless.
 */
final class Subtotals {

	private Subtotals() {
	}

	/**
	 * @param subtotal the output names of the dimensions kept
	 * @return new groups; {@code groups} is left as it was
	 */
	static GroupingEngine.Groups regroup(GroupingEngine.Groups groups, List<DimensionSpec> dimensions,
			List<String> subtotal, List<AggregatorSpec> aggregations) {
		boolean[] kept = new boolean[dimensions.size()];
		for (int d = 0; d < kept.length; d++) {
			kept[d] = subtotal.contains(dimensions.get(d).outputName());
		}
		GroupingEngine.Groups result = new GroupingEngine.Groups();
		result.earliestCovered = groups.earliestCovered;
		for (Map.Entry<GroupingEngine.GroupKey, AggregateState[]> entry : groups.states.entrySet()) {
			List<String> values = new ArrayList<>(kept.length);
			for (int d = 0; d < kept.length; d++) {
				values.add(kept[d] ? entry.getKey().values().get(d) : null);
			}
			AggregateState[] target = result.states.computeIfAbsent(
					new GroupingEngine.GroupKey(entry.getKey().bucket(), Collections.unmodifiableList(values)),
					key -> TimeseriesEngine.newStates(aggregations));
			for (int a = 0; a < target.length; a++) {
				target[a].merge(entry.getValue()[a]);
			}
		}
		return result;
	}

}
