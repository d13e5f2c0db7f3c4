package io.strata.engine.query.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Query-wide ids for the output values of each grouping dimension, so groups from different
 * segments meet on packed long keys instead of lists of strings: a segment asks once per distinct
 * value it emits, not once per group. Ids are dense from 0 (null included) in first-asked order,
 * which may differ between runs of a parallel query; results are ordered by value, never by id.
 * Thread-safe: the segment tasks of one query share it.
 */
final class GroupValueIds {

	private final List<Map<String, Integer>> idsByValue = new ArrayList<>();

	private final List<List<String>> valuesById = new ArrayList<>();

	/** Bits each dimension's id has in a packed key; ids at or past {@code 1 << bits} cannot pack. */
	private final int bits;

	GroupValueIds(int dimensions) {
		for (int d = 0; d < dimensions; d++) {
			this.idsByValue.add(new HashMap<>());
			this.valuesById.add(new ArrayList<>());
		}
		this.bits = dimensions == 0 ? 0 : Math.min(31, 63 / dimensions);
	}

	int bits() {
		return this.bits;
	}

	/** The id of {@code value} (null allowed) in dimension {@code dimension}. */
	synchronized int id(int dimension, String value) {
		Map<String, Integer> ids = this.idsByValue.get(dimension);
		Integer id = ids.get(value);
		if (id == null) {
			List<String> values = this.valuesById.get(dimension);
			id = values.size();
			values.add(value);
			ids.put(value, id);
		}
		return id;
	}

	synchronized String value(int dimension, int id) {
		return this.valuesById.get(dimension).get(id);
	}

	/** The values of a packed key, one per dimension. */
	List<String> values(long key) {
		int dimensions = this.valuesById.size();
		List<String> values = new ArrayList<>(dimensions);
		long mask = (1L << this.bits) - 1;
		for (int d = 0; d < dimensions; d++) {
			values.add(value(d, (int) ((key >>> (d * this.bits)) & mask)));
		}
		return values;
	}

}
