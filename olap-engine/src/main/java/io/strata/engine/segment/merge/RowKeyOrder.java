package io.strata.engine.segment.merge;

import io.strata.engine.type.ColumnType;

/**
 * Segment row order over decoded keys: time, then each dimension (merged ids for strings, which
 * sort like their values; numbers with null first; multi-values element by element, shorter
 * first).
 */
final class RowKeyOrder {

	private final MergePlan plan;

	RowKeyOrder(MergePlan plan) {
		this.plan = plan;
	}

	int compare(MergeInput left, MergeInput right) {
		return compare(left.currentTime, left.ids, left.idCounts, left.longValues, left.doubleValues, left.nullValues,
				right.currentTime, right.ids, right.idCounts, right.longValues, right.doubleValues, right.nullValues);
	}

	int compare(KeyCopy left, MergeInput right) {
		return compare(left.time, left.ids, left.idCounts, left.longValues, left.doubleValues, left.nullValues,
				right.currentTime, right.ids, right.idCounts, right.longValues, right.doubleValues, right.nullValues);
	}

	private int compare(long timeA, int[][] idsA, int[] countsA, long[] longsA, double[] doublesA, boolean[] nullsA,
			long timeB, int[][] idsB, int[] countsB, long[] longsB, double[] doublesB, boolean[] nullsB) {
		int result = Long.compare(timeA, timeB);
		if (result != 0) {
			return result;
		}
		for (int d = 0; d < countsA.length; d++) {
			MergePlan.Dimension dimension = this.plan.dimensions().get(d);
			if (dimension.isString()) {
				int common = Math.min(countsA[d], countsB[d]);
				for (int i = 0; i < common; i++) {
					if (idsA[d][i] != idsB[d][i]) {
						return Integer.compare(idsA[d][i], idsB[d][i]);
					}
				}
				if (countsA[d] != countsB[d]) {
					return Integer.compare(countsA[d], countsB[d]);
				}
				continue;
			}
			if (nullsA[d] || nullsB[d]) {
				if (nullsA[d] != nullsB[d]) {
					return nullsA[d] ? -1 : 1;
				}
				continue;
			}
			result = dimension.type() == ColumnType.LONG ? Long.compare(longsA[d], longsB[d])
					: Double.compare(doublesA[d], doublesB[d]);
			if (result != 0) {
				return result;
			}
		}
		return 0;
	}

}
