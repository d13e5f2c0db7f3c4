package io.strata.engine.aggregation;

/**
 * A set of HLL coupons in an open-addressing int table that probes and grows the way DataSketches'
 * coupon hash set does (start at the coupon's low bits, step by its higher key bits, double at 3/4
 * full), so that walking {@link #slots()} visits coupons in the order DataSketches would. That
 * order matters wherever coupons reach an HLL array one at a time, as the HIP estimate sums over
 * them in turn. Coupon 0 marks an empty slot and is never stored. Single-threaded.
 */
final class CouponTable {

	/** DataSketches' first hash set size. */
	static final int INITIAL_LG_SIZE = 5;

	private int lgSize;

	private int[] slots;

	private int count;

	CouponTable() {
		clear();
	}

	/** Empties the table, back to its first size. */
	void clear() {
		if (this.slots != null && this.lgSize == INITIAL_LG_SIZE) {
			java.util.Arrays.fill(this.slots, 0);
		}
		else {
			this.slots = new int[1 << INITIAL_LG_SIZE];
		}
		this.lgSize = INITIAL_LG_SIZE;
		this.count = 0;
	}

	/** Adds a coupon; returns whether it was new. */
	boolean add(int coupon) {
		if (coupon == 0) {
			return false;
		}
		int index = find(this.slots, this.lgSize, coupon);
		if (index >= 0) {
			return false;
		}
		this.slots[~index] = coupon;
		this.count++;
		if (4 * this.count > 3 * (1 << this.lgSize)) {
			grow();
		}
		return true;
	}

	boolean contains(int coupon) {
		return coupon != 0 && find(this.slots, this.lgSize, coupon) >= 0;
	}

	int size() {
		return this.count;
	}

	/** The table itself, in probe order, 0 for an empty slot. Read-only to callers. */
	int[] slots() {
		return this.slots;
	}

	private void grow() {
		int[] old = this.slots;
		this.lgSize++;
		this.slots = new int[1 << this.lgSize];
		for (int coupon : old) {
			if (coupon != 0) {
				this.slots[~find(this.slots, this.lgSize, coupon)] = coupon;
			}
		}
	}

	/** The slot holding {@code coupon}, or the one's complement of the empty slot where it belongs. */
	private static int find(int[] table, int lgSize, int coupon) {
		int mask = table.length - 1;
		int probe = coupon & mask;
		int stride = ((coupon & HllImageFormat.KEY_MASK) >>> lgSize) | 1;
		while (true) {
			int found = table[probe];
			if (found == 0) {
				return ~probe;
			}
			if (found == coupon) {
				return probe;
			}
			// the table is never full (it grows at 3/4) and the stride is odd, so an empty slot comes
			probe = (probe + stride) & mask;
		}
	}

}
