package io.strata.engine.ingest;

import io.strata.engine.segment.column.Utf8Order;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The segment layout of an index's rows, shared by the persisted segment and the in-memory
 * snapshot so that both hold the same rows in the same order: the dimensions in output order,
 * each string dimension's sorted dictionary of the values rows hold (ranks), and the rows sorted
 * by time, then by each dimension's values (null first, lists element by element). Immutable once
 * built; reads {@code rows} only while being built and through {@link StringRanks#combination}.
 */
final class IndexRowOrder {

	private final List<DimensionSchema> dimensions;

	private final int[] positions;

	private final List<StringRanks> ranks;

	private final int[] order;

	private IndexRowOrder(List<DimensionSchema> dimensions, int[] positions, List<StringRanks> ranks, int[] order) {
		this.dimensions = dimensions;
		this.positions = positions;
		this.ranks = ranks;
		this.order = order;
	}

	/**
	 * @param dimensionOrder dimensions to put first, in this order; the rest follow in index order
	 */
	static IndexRowOrder of(IndexRows rows, List<String> dimensionOrder) {
		List<DimensionSchema> indexDimensions = rows.dimensions();
		List<Integer> positionList = new ArrayList<>();
		for (String name : dimensionOrder) {
			for (int d = 0; d < indexDimensions.size(); d++) {
				if (indexDimensions.get(d).name().equals(name)) {
					positionList.add(d);
				}
			}
		}
		for (int d = 0; d < indexDimensions.size(); d++) {
			if (!positionList.contains(d)) {
				positionList.add(d);
			}
		}
		int[] positions = positionList.stream().mapToInt(Integer::intValue).toArray();
		List<DimensionSchema> dimensions = new ArrayList<>();
		List<StringRanks> ranks = new ArrayList<>();
		for (int position : positions) {
			dimensions.add(indexDimensions.get(position));
			ranks.add(rows.isString(position) ? StringRanks.of(rows, position) : null);
		}
		int[] order = new int[rows.rowCount()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		IntSorter.sort(order, new RowComparator(rows, ranks, positions));
		return new IndexRowOrder(List.copyOf(dimensions), positions, ranks, order);
	}

	/** The dimensions in output order. */
	List<DimensionSchema> dimensions() {
		return this.dimensions;
	}

	/** The index position of output dimension {@code d}. */
	int position(int d) {
		return this.positions[d];
	}

	/** The ranks of output dimension {@code d}, or null when it is numeric. */
	StringRanks ranks(int d) {
		return this.ranks.get(d);
	}

	/** The index rows in segment order; not copied. */
	int[] rows() {
		return this.order;
	}

	/** Sorted ranks of one string dimension's ids. */
	static final class StringRanks {

		private final IndexRows rows;

		private final int dimension;

		final List<String> sortedValues;

		final boolean hasNull;

		final boolean multiValue;

		/** Column id by index id; index id 0 (null) maps to 0. */
		final int[] rank;

		private StringRanks(IndexRows rows, int dimension, List<String> sortedValues, boolean hasNull,
				boolean multiValue, int[] rank) {
			this.rows = rows;
			this.dimension = dimension;
			this.sortedValues = sortedValues;
			this.hasNull = hasNull;
			this.multiValue = multiValue;
			this.rank = rank;
		}

		static StringRanks of(IndexRows rows, int dimension) {
			int valueCount = rows.valueCount(dimension);
			boolean[] used = new boolean[valueCount];
			boolean multiValue = false;
			for (int row = 0; row < rows.rowCount(); row++) {
				int slot = rows.slot(row, dimension);
				if (slot >= 0) {
					used[slot] = true;
				}
				else {
					multiValue = true;
					for (int id : rows.combination(dimension, slot)) {
						used[id] = true;
					}
				}
			}
			boolean hasNull = used[0];
			Integer[] byValue = new Integer[valueCount - 1];
			int count = 0;
			for (int id = 1; id < valueCount; id++) {
				if (used[id]) {
					byValue[count++] = id;
				}
			}
			Integer[] present = Arrays.copyOf(byValue, count);
			Arrays.sort(present,
					(a, b) -> Utf8Order.INSTANCE.compare(rows.value(dimension, a), rows.value(dimension, b)));
			int[] rank = new int[valueCount];
			List<String> sorted = new ArrayList<>(count);
			int shift = hasNull ? 1 : 0;
			for (int i = 0; i < present.length; i++) {
				rank[present[i]] = i + shift;
				sorted.add(rows.value(dimension, present[i]));
			}
			return new StringRanks(rows, dimension, sorted, hasNull, multiValue, rank);
		}

		/** The index ids of a multi-value slot (negative). */
		int[] combination(int slot) {
			return this.rows.combination(this.dimension, slot);
		}

		/** Compares the values of two slots in segment order: null first, lists element by element. */
		int compare(int left, int right) {
			if (left == right) {
				return 0;
			}
			if (left >= 0 && right >= 0) {
				return Integer.compare(this.rank[left], this.rank[right]);
			}
			int[] a = left >= 0 ? null : combination(left);
			int[] b = right >= 0 ? null : combination(right);
			int lengthA = a == null ? (left == 0 ? 0 : 1) : a.length;
			int lengthB = b == null ? (right == 0 ? 0 : 1) : b.length;
			int common = Math.min(lengthA, lengthB);
			for (int i = 0; i < common; i++) {
				int rankA = this.rank[a == null ? left : a[i]];
				int rankB = this.rank[b == null ? right : b[i]];
				if (rankA != rankB) {
					return Integer.compare(rankA, rankB);
				}
			}
			return Integer.compare(lengthA, lengthB);
		}

	}

	/** Segment row order: time, then each dimension in output order. */
	private static final class RowComparator implements IntSorter.RowComparator {

		private final IndexRows rows;

		private final List<StringRanks> ranks;

		private final int dimensions;

		private final int[] positions;

		RowComparator(IndexRows rows, List<StringRanks> ranks, int[] positions) {
			this.rows = rows;
			this.ranks = ranks;
			this.dimensions = ranks.size();
			this.positions = positions;
		}

		@Override
		public int compare(int left, int right) {
			int result = Long.compare(this.rows.time(left), this.rows.time(right));
			for (int d = 0; result == 0 && d < this.dimensions; d++) {
				int position = this.positions[d];
				int slotA = this.rows.slot(left, position);
				int slotB = this.rows.slot(right, position);
				if (slotA == slotB) {
					continue;
				}
				StringRanks rank = this.ranks.get(d);
				result = rank != null ? rank.compare(slotA, slotB)
						: compareNumbers(this.rows.number(position, slotA), this.rows.number(position, slotB));
			}
			return result;
		}

		private static int compareNumbers(Object left, Object right) {
			if (left == null || right == null) {
				return left == null ? (right == null ? 0 : -1) : 1;
			}
			if (left instanceof Long a && right instanceof Long b) {
				return Long.compare(a, b);
			}
			return Double.compare(((Number) left).doubleValue(), ((Number) right).doubleValue());
		}

	}

}
