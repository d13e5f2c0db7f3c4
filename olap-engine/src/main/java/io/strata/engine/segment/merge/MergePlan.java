package io.strata.engine.segment.merge;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.column.Utf8Order;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.type.ColumnType;
import io.strata.engine.segment.column.StringDictionary;

import java.util.ArrayList;
import java.util.List;

/**
 * What a merge produces, worked out from the inputs' metadata and dictionaries: the union of
 * dimensions (in an order every input already follows) with merged sorted dictionaries and
 * per-input id remaps, and the union of metrics.
 */
record MergePlan(List<Dimension> dimensions, List<Metric> metrics) {

	/** One output dimension. */
	record Dimension(String name, ColumnType type, boolean multiValue, boolean hasNull, List<String> values,
			int[][] remaps, boolean[] present) {

		boolean isString() {
			return this.type == ColumnType.STRING;
		}

		boolean presentIn(int input) {
			return this.present[input];
		}

		int[] remap(int input) {
			return this.remaps[input];
		}

	}

	/** One output metric. */
	record Metric(AggregatorSpec spec, boolean[] present) {

		boolean presentIn(int input) {
			return this.present[input];
		}

	}

	static MergePlan of(List<Segment> segments) {
		List<String> names = new ArrayList<>();
		List<ColumnType> types = new ArrayList<>();
		for (Segment segment : segments) {
			String previous = null;
			for (ColumnSummary column : segment.metadata().dimensions()) {
				int position = names.indexOf(column.name());
				if (position < 0) {
					// a dimension new to the merge goes right after the one before it in this segment, so
					// that every input's order is kept whatever the order of the inputs
					position = previous == null ? 0 : names.indexOf(previous) + 1;
					names.add(position, column.name());
					types.add(position, column.type());
				}
				else if (types.get(position) != column.type()) {
					throw StrataException.invalidInput("Dimension[%s] is %s in segment[%s] but %s in another",
							column.name(), column.type().druidName(), segment.id(), types.get(position).druidName());
				}
				previous = column.name();
			}
		}
		for (Segment segment : segments) {
			int lastPosition = -1;
			for (ColumnSummary column : segment.metadata().dimensions()) {
				int position = names.indexOf(column.name());
				if (position < lastPosition) {
					throw StrataException.unsupported(
							"Segment[%s] orders its dimensions differently from the other segments of the merge",
							segment.id());
				}
				lastPosition = position;
			}
		}
		List<Dimension> dimensions = new ArrayList<>();
		for (int d = 0; d < names.size(); d++) {
			dimensions.add(dimension(segments, names.get(d), types.get(d)));
		}
		List<Metric> metrics = new ArrayList<>();
		List<String> metricNames = new ArrayList<>();
		for (Segment segment : segments) {
			for (AggregatorSpec spec : segment.metadata().aggregators()) {
				int position = metricNames.indexOf(spec.name());
				if (position < 0) {
					metricNames.add(spec.name());
					metrics.add(new Metric(spec, new boolean[segments.size()]));
				}
				else if (!metrics.get(position).spec().equals(spec)) {
					throw StrataException.invalidInput("Metric[%s] has different aggregators in the merged segments",
							spec.name());
				}
			}
		}
		for (int i = 0; i < segments.size(); i++) {
			for (AggregatorSpec spec : segments.get(i).metadata().aggregators()) {
				metrics.get(metricNames.indexOf(spec.name())).present()[i] = true;
			}
		}
		return new MergePlan(dimensions, metrics);
	}

	private static Dimension dimension(List<Segment> segments, String name, ColumnType type) {
		boolean[] present = new boolean[segments.size()];
		boolean multiValue = false;
		boolean hasNull = false;
		for (int i = 0; i < segments.size(); i++) {
			ColumnSummary summary = segments.get(i).metadata().column(name);
			present[i] = summary != null;
			if (summary == null) {
				hasNull |= segments.get(i).numRows() > 0;
				continue;
			}
			multiValue |= summary.hasMultipleValues();
		}
		if (type != ColumnType.STRING) {
			return new Dimension(name, type, false, hasNull, List.of(), new int[segments.size()][], present);
		}
		StringDictionary[] dictionaries = new StringDictionary[segments.size()];
		for (int i = 0; i < segments.size(); i++) {
			if (present[i]) {
				dictionaries[i] = segments.get(i).stringColumn(name).dictionary();
				hasNull |= dictionaries[i].hasNull();
			}
		}
		// k-way merge of the sorted dictionaries; k is small (the persists of one interval)
		List<String> merged = new ArrayList<>();
		int[] positions = new int[segments.size()];
		int[][] remaps = new int[segments.size()][];
		for (int i = 0; i < segments.size(); i++) {
			if (present[i]) {
				remaps[i] = new int[dictionaries[i].size()];
				positions[i] = dictionaries[i].hasNull() ? 1 : 0;
			}
		}
		int shift = hasNull ? 1 : 0;
		while (true) {
			String smallest = null;
			for (int i = 0; i < segments.size(); i++) {
				if (present[i] && positions[i] < dictionaries[i].size()) {
					String candidate = dictionaries[i].get(positions[i]);
					if (smallest == null || Utf8Order.INSTANCE.compare(candidate, smallest) < 0) {
						smallest = candidate;
					}
				}
			}
			if (smallest == null) {
				break;
			}
			int mergedId = merged.size() + shift;
			merged.add(smallest);
			for (int i = 0; i < segments.size(); i++) {
				if (present[i] && positions[i] < dictionaries[i].size()
						&& dictionaries[i].get(positions[i]).equals(smallest)) {
					remaps[i][positions[i]] = mergedId;
					positions[i]++;
				}
			}
		}
		return new Dimension(name, type, multiValue, hasNull, merged, remaps, present);
	}

}
