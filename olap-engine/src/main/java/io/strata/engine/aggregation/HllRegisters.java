package io.strata.engine.aggregation;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.strata.engine.aggregation.HllImageFormat.unsignedByte;

/**
 * The dense state of an HLL union: a byte per register, as in DataSketches' HLL_8 array, and the
 * estimator fields DataSketches keeps beside it (HIP accumulator, kxq0 and kxq1, curMin,
 * numAtCurMin, out-of-order flag). Every update follows what DataSketches' union does to its own
 * HLL_8 gadget, field by field, so that {@link #toImage()} heapifies to the sketch DataSketches'
 * union would return for the same inputs:
 * <ul>
 * <li>a coupon raises its register and, when it does, adds K/(kxq0 + kxq1) to the HIP
 * accumulator before moving kxq to the new value (the incremental update of a sketch);</li>
 * <li>an HLL-mode sketch merges register by register (folding a larger lgK onto this one, or
 * first shrinking this one to a smaller lgK), leaves kxq, curMin and numAtCurMin stale until
 * they are rebuilt from the registers, and marks the result out of order, so that readers use the
 * composite estimator rather than HIP.</li>
 * </ul>
 * kxq0 sums 2^-v for registers below 32 and kxq1 for the rest: each sum is exact in a double
 * whatever the order, so only the HIP accumulator depends on the order coupons arrive in.
 * Single-threaded.
 */
final class HllRegisters {

	private int lgK;

	private int mask;

	private byte[] values;

	private double hipAccum;

	private double kxq0;

	private double kxq1;

	private int curMin;

	private int numAtCurMin;

	private boolean outOfOrder;

	/** A merge raised registers without keeping kxq, curMin and numAtCurMin; rebuilt before output. */
	private boolean stale;

	private HllRegisters(int lgK, byte[] values) {
		this.lgK = lgK;
		this.mask = (1 << lgK) - 1;
		this.values = values;
	}

	/**
	 * The state held in the HLL_8 image of a DataSketches union gadget (or sketch) in HLL mode.
	 * @throws IllegalArgumentException when the image is not such an image
	 */
	static HllRegisters fromHll8Image(MemorySegment image) {
		int mode = HllImageFormat.check(image);
		int type = (unsignedByte(image, HllImageFormat.MODE_BYTE) >>> 2) & 3;
		if (mode != HllImageFormat.MODE_HLL || type != HllImageFormat.TYPE_HLL_8) {
			throw HllImageFormat.corrupt("is not an HLL_8 array (mode " + mode + ", type " + type + ")");
		}
		int lgK = unsignedByte(image, HllImageFormat.LG_K_BYTE);
		byte[] values = new byte[1 << lgK];
		MemorySegment.copy(image, ValueLayout.JAVA_BYTE, HllImageFormat.REGISTERS, values, 0, values.length);
		HllRegisters registers = new HllRegisters(lgK, values);
		registers.hipAccum = image.get(HllImageFormat.DOUBLE, HllImageFormat.HIP_ACCUM);
		registers.kxq0 = image.get(HllImageFormat.DOUBLE, HllImageFormat.KXQ0);
		registers.kxq1 = image.get(HllImageFormat.DOUBLE, HllImageFormat.KXQ1);
		registers.curMin = unsignedByte(image, HllImageFormat.CUR_MIN_BYTE);
		registers.numAtCurMin = image.get(HllImageFormat.INT, HllImageFormat.NUM_AT_CUR_MIN);
		int flags = unsignedByte(image, HllImageFormat.FLAGS_BYTE);
		registers.outOfOrder = (flags & HllImageFormat.FLAG_OUT_OF_ORDER) != 0;
		registers.stale = (flags & HllImageFormat.FLAG_STALE) != 0;
		return registers;
	}

	int lgK() {
		return this.lgK;
	}

	boolean outOfOrder() {
		return this.outOfOrder;
	}

	/** Offers one coupon, as a sketch update would: the hot path of rows that hold a few coupons. */
	void offer(int coupon) {
		int slot = coupon & this.mask;
		int value = coupon >>> HllImageFormat.KEY_BITS;
		if (value > this.values[slot]) {
			raise(slot, value);
		}
	}

	private void raise(int slot, int value) {
		int old = this.values[slot];
		this.values[slot] = (byte) value;
		this.hipAccum += (1 << this.lgK) / (this.kxq0 + this.kxq1);
		if (old < 32) {
			this.kxq0 -= HllImageFormat.inversePowerOfTwo(old);
		}
		else {
			this.kxq1 -= HllImageFormat.inversePowerOfTwo(old);
		}
		if (value < 32) {
			this.kxq0 += HllImageFormat.inversePowerOfTwo(value);
		}
		else {
			this.kxq1 += HllImageFormat.inversePowerOfTwo(value);
		}
		if (old == 0) {
			this.numAtCurMin--;
		}
	}

	/**
	 * Merges the registers of an HLL-mode image already checked by {@link HllImageFormat#check}.
	 * @throws IllegalArgumentException when its HLL_4 aux entries do not match its nibbles
	 */
	void merge(MemorySegment image) {
		int sourceLgK = unsignedByte(image, HllImageFormat.LG_K_BYTE);
		int type = (unsignedByte(image, HllImageFormat.MODE_BYTE) >>> 2) & 3;
		if (sourceLgK < this.lgK) {
			shrink(sourceLgK);
		}
		int slots = 1 << sourceLgK;
		switch (type) {
			case HllImageFormat.TYPE_HLL_8 -> {
				for (int slot = 0; slot < slots; slot++) {
					fold(slot, image.get(ValueLayout.JAVA_BYTE, HllImageFormat.REGISTERS + slot) & 0x3F);
				}
			}
			case HllImageFormat.TYPE_HLL_6 -> {
				for (int slot = 0; slot < slots; slot++) {
					int bit = 6 * slot;
					int pair = image.get(HllImageFormat.SHORT, HllImageFormat.REGISTERS + (bit >>> 3));
					fold(slot, (pair >>> (bit & 7)) & 0x3F);
				}
			}
			default -> mergeHll4(image, slots);
		}
		this.outOfOrder = true;
		this.stale = true;
	}

	private void mergeHll4(MemorySegment image, int slots) {
		int base = unsignedByte(image, HllImageFormat.CUR_MIN_BYTE);
		int tokens = 0;
		for (int slot = 0; slot < slots; slot += 2) {
			int both = unsignedByte(image, HllImageFormat.REGISTERS + (slot >>> 1));
			int low = both & 0xF;
			int high = both >>> 4;
			if (low == HllImageFormat.AUX_TOKEN) {
				tokens++;
			}
			else {
				fold(slot, low + base);
			}
			if (high == HllImageFormat.AUX_TOKEN) {
				tokens++;
			}
			else {
				fold(slot + 1, high + base);
			}
		}
		// values too far above curMin for a nibble live in the aux table, as slot-value pairs
		long auxStart = HllImageFormat.REGISTERS + (slots >>> 1);
		int auxInts = HllImageFormat.auxInts(image);
		int entries = 0;
		for (int i = 0; i < auxInts; i++) {
			int pair = image.get(HllImageFormat.INT, auxStart + 4L * i);
			if (pair == 0) {
				continue;
			}
			int slot = pair & HllImageFormat.KEY_MASK;
			if (slot >= slots) {
				throw HllImageFormat.corrupt("has an aux entry for slot " + slot + " of " + slots);
			}
			fold(slot, pair >>> HllImageFormat.KEY_BITS);
			entries++;
		}
		if (entries != tokens) {
			throw HllImageFormat.corrupt("has " + tokens + " aux tokens but " + entries + " aux entries");
		}
	}

	private void fold(int sourceSlot, int value) {
		int slot = sourceSlot & this.mask;
		if (value > this.values[slot]) {
			this.values[slot] = (byte) value;
		}
	}

	/** Folds the registers onto a smaller lgK, as the union does before merging a smaller sketch. */
	private void shrink(int smallerLgK) {
		byte[] smaller = new byte[1 << smallerLgK];
		int smallerMask = smaller.length - 1;
		for (int slot = 0; slot < this.values.length; slot++) {
			int value = this.values[slot];
			if (value > smaller[slot & smallerMask]) {
				smaller[slot & smallerMask] = (byte) value;
			}
		}
		this.values = smaller;
		this.lgK = smallerLgK;
		this.mask = smallerMask;
		this.stale = true;
	}

	/**
	 * Recomputes kxq, curMin and numAtCurMin from the registers, summing in slot order as
	 * DataSketches does (kxq0 starts from K, each raised register subtracting 1 - 2^-v).
	 */
	private void rebuild() {
		double sumLow = 1 << this.lgK;
		double sumHigh = 0;
		int min = 64;
		int atMin = 0;
		for (byte stored : this.values) {
			int value = stored;
			if (value > 0) {
				if (value < 32) {
					sumLow += HllImageFormat.inversePowerOfTwo(value) - 1.0;
				}
				else {
					sumHigh += HllImageFormat.inversePowerOfTwo(value) - 1.0;
				}
			}
			if (value < min) {
				min = value;
				atMin = 1;
			}
			else if (value == min) {
				atMin++;
			}
		}
		this.kxq0 = sumLow;
		this.kxq1 = sumHigh;
		this.curMin = min;
		this.numAtCurMin = atMin;
		this.stale = false;
	}

	/**
	 * The state as an HLL_8 image, which {@code HllSketch.heapify} reads back into a sketch.
	 * Rebuilds stale fields first, in place, as DataSketches' union does when its result is read.
	 */
	byte[] toImage() {
		if (this.stale) {
			rebuild();
		}
		byte[] image = new byte[HllImageFormat.REGISTERS + this.values.length];
		MemorySegment target = MemorySegment.ofArray(image);
		image[0] = HllImageFormat.HLL_PREAMBLE_INTS;
		image[1] = 1;
		image[2] = 7;
		image[HllImageFormat.LG_K_BYTE] = (byte) this.lgK;
		image[HllImageFormat.FLAGS_BYTE] = (byte) (this.outOfOrder ? HllImageFormat.FLAG_OUT_OF_ORDER : 0);
		image[HllImageFormat.CUR_MIN_BYTE] = (byte) this.curMin;
		image[HllImageFormat.MODE_BYTE] = (byte) (HllImageFormat.TYPE_HLL_8 << 2 | HllImageFormat.MODE_HLL);
		target.set(HllImageFormat.DOUBLE, HllImageFormat.HIP_ACCUM, this.hipAccum);
		target.set(HllImageFormat.DOUBLE, HllImageFormat.KXQ0, this.kxq0);
		target.set(HllImageFormat.DOUBLE, HllImageFormat.KXQ1, this.kxq1);
		target.set(HllImageFormat.INT, HllImageFormat.NUM_AT_CUR_MIN, this.numAtCurMin);
		System.arraycopy(this.values, 0, image, HllImageFormat.REGISTERS, this.values.length);
		return image;
	}

}
