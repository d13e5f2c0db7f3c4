package io.strata.engine.segment.merge;

import java.util.Arrays;

/** A copy of a merge input's current row key, kept while later rows are compared with it. */
final class KeyCopy {

	long time;

	int[][] ids;

	int[] idCounts;

	long[] longValues;

	double[] doubleValues;

	boolean[] nullValues;

	KeyCopy(int dimensions) {
		this.ids = new int[dimensions][4];
		this.idCounts = new int[dimensions];
		this.longValues = new long[dimensions];
		this.doubleValues = new double[dimensions];
		this.nullValues = new boolean[dimensions];
	}

	void copyFrom(MergeInput input) {
		this.time = input.currentTime;
		for (int d = 0; d < this.idCounts.length; d++) {
			int count = input.idCounts[d];
			if (this.ids[d].length < count) {
				this.ids[d] = Arrays.copyOf(this.ids[d], count * 2);
			}
			System.arraycopy(input.ids[d], 0, this.ids[d], 0, count);
			this.idCounts[d] = count;
		}
		System.arraycopy(input.longValues, 0, this.longValues, 0, this.longValues.length);
		System.arraycopy(input.doubleValues, 0, this.doubleValues, 0, this.doubleValues.length);
		System.arraycopy(input.nullValues, 0, this.nullValues, 0, this.nullValues.length);
	}

}
