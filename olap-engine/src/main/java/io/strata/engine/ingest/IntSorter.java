package io.strata.engine.ingest;

/**
 * A stable merge sort of int arrays (row numbers) by a primitive comparator, without boxing.
 * Adaptive: a run already in order costs one comparison per merge, so rows that arrive in time
 * order (the real-time case) sort in near-linear time.
 */
final class IntSorter {

	/** Compares two row numbers. */
	interface RowComparator {

		int compare(int left, int right);

	}

	private IntSorter() {
	}

	static void sort(int[] values, RowComparator comparator) {
		int[] buffer = values.clone();
		mergeSort(buffer, values, 0, values.length, comparator);
	}

	/** Sorts {@code source[from, to)} into {@code target[from, to)}; both hold the same values on entry. */
	private static void mergeSort(int[] source, int[] target, int from, int to, RowComparator comparator) {
		int length = to - from;
		if (length < 24) {
			for (int i = from + 1; i < to; i++) {
				int value = target[i];
				int j = i - 1;
				while (j >= from && comparator.compare(target[j], value) > 0) {
					target[j + 1] = target[j];
					j--;
				}
				target[j + 1] = value;
			}
			return;
		}
		int middle = (from + to) >>> 1;
		mergeSort(target, source, from, middle, comparator);
		mergeSort(target, source, middle, to, comparator);
		if (comparator.compare(source[middle - 1], source[middle]) <= 0) {
			System.arraycopy(source, from, target, from, length);
			return;
		}
		int left = from;
		int right = middle;
		for (int out = from; out < to; out++) {
			if (right >= to || (left < middle && comparator.compare(source[left], source[right]) <= 0)) {
				target[out] = source[left++];
			}
			else {
				target[out] = source[right++];
			}
		}
	}

}
