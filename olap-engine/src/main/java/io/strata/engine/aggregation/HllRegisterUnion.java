package io.strata.engine.aggregation;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.HllUnion;
import org.apache.datasketches.hll.TgtHllType;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * A union of HLL sketches fed their serialized images, which it folds without deserializing them,
 * and which ends in the same sketch as DataSketches' {@code HllUnion} fed the same sketches in the
 * same order: same registers, same estimator fields, so the same estimate. Made for
 * {@code HLLSketchMerge} over stored sketch columns, where every row holds an image and, with
 * rollup off, most images hold a single coupon.
 *
 * <p>While the union holds few coupons (DataSketches' LIST and SET modes, up to 3K/32 of them) it
 * is DataSketches' own union: those modes promote and estimate by rules not worth copying, and it
 * is cheap there. An image whose coupons that union already holds is skipped, which is exactly
 * what DataSketches would do with it. Once the union reaches HLL mode its state moves into
 * {@link HllRegisters}, and from then on every image is folded straight from its bytes: coupons
 * one by one, HLL arrays register by register. See {@link HllImageFormat} for the layout.
 * Single-threaded.
 */
public final class HllRegisterUnion {

	private final TgtHllType target;

	/** DataSketches' union while it is in a coupon mode; null once {@link #registers} took over. */
	private HllUnion coupons;

	/** Every coupon given to {@link #coupons}, which in coupon modes holds exactly these. */
	private CouponTable seen;

	/** The union once in HLL mode, else null. */
	private HllRegisters registers;

	/** Scratch for replaying a compact SET image in DataSketches' order, made on first use. */
	private CouponTable replay;

	/**
	 * @param lgMaxK the aggregator's lgK, 4 to 21: the union's largest lgK
	 * @param target the type of the sketch {@link #result()} returns
	 */
	public HllRegisterUnion(int lgMaxK, TgtHllType target) {
		this.target = Objects.requireNonNull(target, "target");
		this.coupons = new HllUnion(lgMaxK);
		this.seen = new CouponTable();
	}

	/**
	 * Folds in a sketch's serialized image (compact or updatable, any lgK and target type). The
	 * image is read during the call only, so it may be a view of a buffer that is reused after.
	 * @throws IllegalArgumentException when the bytes are no valid HLL sketch image
	 */
	public void add(MemorySegment image) {
		HllRegisters dense = this.registers;
		long length = image.byteSize();
		if (dense != null && length >= 8) {
			long head = image.get(HllImageFormat.LONG, 0);
			if (HllImageFormat.isListHead(head)) {
				int count = HllImageFormat.listCount(head);
				if (HllImageFormat.LIST_COUPONS + 4L * count <= length) {
					for (int i = 0; i < count; i++) {
						dense.offer(image.get(HllImageFormat.INT, HllImageFormat.LIST_COUPONS + 4L * i));
					}
					return;
				}
			}
		}
		addChecked(image);
	}

	/** Folds in a sketch, as {@link #add} does its image. */
	public void update(HllSketch sketch) {
		// the updatable form keeps a SET's hash table as it is, so its coupons come in the order
		// DataSketches' union would take them from the sketch itself
		add(MemorySegment.ofArray(sketch.toUpdatableByteArray()));
	}

	/** The union so far, as a new sketch of the target type; the union stays usable. */
	public HllSketch result() {
		if (this.registers == null) {
			return this.coupons.getResult(this.target);
		}
		HllSketch sketch = HllSketch.heapify(this.registers.toImage());
		return this.target == TgtHllType.HLL_8 ? sketch : sketch.copyAs(this.target);
	}

	private void addChecked(MemorySegment image) {
		int mode = HllImageFormat.check(image);
		if (this.registers == null) {
			addToCoupons(image, mode);
			return;
		}
		switch (mode) {
			case HllImageFormat.MODE_LIST, HllImageFormat.MODE_SET -> offerCoupons(image, mode);
			default -> this.registers.merge(image);
		}
	}

	private void offerCoupons(MemorySegment image, int mode) {
		HllRegisters dense = this.registers;
		if (mode == HllImageFormat.MODE_SET && HllImageFormat.isCompact(image) && !dense.outOfOrder()) {
			// DataSketches reads a compact SET into a fresh hash set and merges it in table order;
			// the HIP estimate sums in that order, so replay it (out of order, HIP is not used)
			if (this.replay == null) {
				this.replay = new CouponTable();
			}
			CouponTable table = this.replay;
			table.clear();
			int count = couponPositions(image, mode);
			for (int i = 0; i < count; i++) {
				table.add(image.get(HllImageFormat.INT, HllImageFormat.SET_COUPONS + 4L * i));
			}
			for (int coupon : table.slots()) {
				if (coupon != 0) {
					dense.offer(coupon);
				}
			}
			return;
		}
		int positions = couponPositions(image, mode);
		long start = couponStart(mode);
		for (int i = 0; i < positions; i++) {
			int coupon = image.get(HllImageFormat.INT, start + 4L * i);
			if (coupon != 0) {
				dense.offer(coupon);
			}
		}
	}

	private void addToCoupons(MemorySegment image, int mode) {
		if (mode != HllImageFormat.MODE_HLL && allSeen(image, mode)) {
			return;
		}
		this.coupons.update(HllSketch.heapify(image));
		if (mode != HllImageFormat.MODE_HLL) {
			int positions = couponPositions(image, mode);
			long start = couponStart(mode);
			for (int i = 0; i < positions; i++) {
				this.seen.add(image.get(HllImageFormat.INT, start + 4L * i));
			}
		}
		if (inHllMode(this.coupons)) {
			this.registers = HllRegisters.fromHll8Image(MemorySegment.ofArray(this.coupons.toUpdatableByteArray()));
			this.coupons = null;
			this.seen = null;
		}
	}

	private boolean allSeen(MemorySegment image, int mode) {
		int positions = couponPositions(image, mode);
		long start = couponStart(mode);
		for (int i = 0; i < positions; i++) {
			int coupon = image.get(HllImageFormat.INT, start + 4L * i);
			if (coupon != 0 && !this.seen.contains(coupon)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * DataSketches has no public getter for a union's mode, but its compact size tells: a LIST or
	 * SET holds fewer than K/8 coupons, so it is always smaller than the 40 + K bytes of HLL_8.
	 */
	private static boolean inHllMode(HllUnion union) {
		return union.getCompactSerializationBytes() >= HllImageFormat.REGISTERS + (1 << union.getLgConfigK());
	}

	/** Int positions that may hold coupons in a LIST or SET image (0 marks an empty one). */
	private static int couponPositions(MemorySegment image, int mode) {
		if (mode == HllImageFormat.MODE_LIST) {
			return HllImageFormat.unsignedByte(image, HllImageFormat.LIST_COUNT_BYTE);
		}
		if (HllImageFormat.isCompact(image)) {
			return image.get(HllImageFormat.INT, HllImageFormat.SET_COUNT);
		}
		return 1 << HllImageFormat.unsignedByte(image, HllImageFormat.LG_ARRAY_BYTE);
	}

	private static long couponStart(int mode) {
		return mode == HllImageFormat.MODE_LIST ? HllImageFormat.LIST_COUPONS : HllImageFormat.SET_COUPONS;
	}

}
