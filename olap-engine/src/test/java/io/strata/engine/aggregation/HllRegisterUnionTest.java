package io.strata.engine.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.HllUnion;
import org.apache.datasketches.hll.TgtHllType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HllRegisterUnion} against DataSketches' own {@code HllUnion} fed the same sketches in the
 * same order: the result must be the same sketch, byte for byte. One documented exception: once a
 * union is out of order its HIP accumulator is never read (estimates use the registers), and
 * coupons of SET images reach it in a different order than in DataSketches, so the accumulator's
 * eight bytes are left out of the comparison for out-of-order results.
 */
class HllRegisterUnionTest {

	private static final TgtHllType[] TYPES = TgtHllType.values();

	@Test
	void oneItemSketchesLikeRollupOffRowsMatchIncludingTheHipEstimate() {
		for (TgtHllType target : TYPES) {
			HllUnion reference = new HllUnion(12);
			HllRegisterUnion union = new HllRegisterUnion(12, target);
			SplittableRandom random = new SplittableRandom(3);
			java.util.Set<Long> distinct = new java.util.HashSet<>();
			for (int row = 0; row < 30_000; row++) {
				HllSketch sketch = new HllSketch(12, TgtHllType.HLL_4);
				long user = random.nextLong(20_000);
				distinct.add(user);
				sketch.update(user);
				byte[] image = sketch.toCompactByteArray();
				reference.update(HllSketch.heapify(image));
				union.add(inLargerBuffer(image, random));
			}
			HllSketch expected = reference.getResult(target);
			HllSketch actual = union.result();
			// coupons alone keep the union in order: DataSketches reports the HIP estimate, and so must we
			assertThat(isOutOfOrder(expected.toCompactByteArray())).isFalse();
			assertThat(actual.getEstimate()).isEqualTo(expected.getEstimate());
			assertThat(actual.toCompactByteArray()).isEqualTo(expected.toCompactByteArray());
			assertThat(actual.getEstimate()).isBetween(distinct.size() * 0.95, distinct.size() * 1.05);
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void randomMixesMatchDataSketches(int seed) {
		SplittableRandom random = new SplittableRandom(seed);
		int[] lgMaxKs = { 4, 5, 7, 8, 9, 10, 11, 12, 13, 14 };
		for (int scenario = 0; scenario < 60; scenario++) {
			int lgMaxK = lgMaxKs[random.nextInt(lgMaxKs.length)];
			runScenario(random, lgMaxK, 1 + random.nextInt(40), "seed " + seed + " scenario " + scenario);
		}
	}

	@Test
	void theLargestLgKMatchesDataSketches() {
		SplittableRandom random = new SplittableRandom(21);
		for (int scenario = 0; scenario < 3; scenario++) {
			runScenario(random, 21, 6, "lgK 21 scenario " + scenario);
		}
	}

	@Test
	void setImagesAfterCouponPromotionKeepTheHipOrder() {
		// SET images reaching an in-order union must be replayed in DataSketches' hash-table order
		for (boolean compact : new boolean[] { true, false }) {
			SplittableRandom random = new SplittableRandom(compact ? 5 : 6);
			HllUnion reference = new HllUnion(12);
			HllRegisterUnion union = new HllRegisterUnion(12, TgtHllType.HLL_4);
			for (int i = 0; i < 200; i++) {
				HllSketch sketch = new HllSketch(12, TgtHllType.HLL_6);
				int items = 8 + random.nextInt(300);
				for (int item = 0; item < items; item++) {
					sketch.update(random.nextLong(1_000_000));
				}
				byte[] image = compact ? sketch.toCompactByteArray() : sketch.toUpdatableByteArray();
				assertThat(image[7] & 3).isEqualTo(1);
				reference.update(HllSketch.heapify(image));
				union.add(MemorySegment.ofArray(image));
			}
			HllSketch expected = reference.getResult(TgtHllType.HLL_4);
			assertThat(isOutOfOrder(expected.toCompactByteArray())).isFalse();
			assertThat(union.result().toCompactByteArray()).isEqualTo(expected.toCompactByteArray());
			assertThat(union.result().getEstimate()).isEqualTo(expected.getEstimate());
		}
	}

	@Test
	void hll4ImagesWithAuxEntriesFoldTheirExceptions() {
		SplittableRandom random = new SplittableRandom(8);
		HllUnion reference = new HllUnion(13);
		HllRegisterUnion union = new HllRegisterUnion(13, TgtHllType.HLL_8);
		int withAux = 0;
		for (int i = 0; i < 30; i++) {
			// while some registers are still 0 (curMin 0), every value of 15 or more is an exception
			int lgK = 12 + random.nextInt(3);
			HllSketch sketch = new HllSketch(lgK, TgtHllType.HLL_4);
			for (int item = 0; item < 6 << lgK; item++) {
				sketch.update(random.nextLong());
			}
			byte[] image = i % 2 == 0 ? sketch.toCompactByteArray() : sketch.toUpdatableByteArray();
			if (MemorySegment.ofArray(image).get(HllImageFormat.INT, HllImageFormat.AUX_COUNT) > 0) {
				withAux++;
			}
			reference.update(HllSketch.heapify(image));
			union.add(MemorySegment.ofArray(image));
		}
		assertThat(withAux).as("images with aux entries").isGreaterThan(20);
		assertSameSketch(union.result(), reference.getResult(TgtHllType.HLL_8), "aux");
	}

	@Test
	void sketchObjectsMergeLikeTheirImages() {
		SplittableRandom random = new SplittableRandom(9);
		for (int scenario = 0; scenario < 40; scenario++) {
			int lgMaxK = 6 + random.nextInt(8);
			TgtHllType target = TYPES[random.nextInt(3)];
			HllUnion reference = new HllUnion(lgMaxK);
			HllRegisterUnion union = new HllRegisterUnion(lgMaxK, target);
			for (int i = 0; i < 1 + random.nextInt(12); i++) {
				HllSketch sketch = HllSketch.heapify(randomImage(random, lgMaxK, 200_000));
				reference.update(sketch);
				union.update(sketch);
			}
			assertSameSketch(union.result(), reference.getResult(target), "scenario " + scenario);
		}
	}

	@Test
	void anEmptyUnionReturnsAnEmptySketch() {
		HllRegisterUnion union = new HllRegisterUnion(12, TgtHllType.HLL_4);
		union.add(MemorySegment.ofArray(new HllSketch(12).toCompactByteArray()));
		HllSketch result = union.result();
		assertThat(result.isEmpty()).isTrue();
		assertThat(result.getEstimate()).isZero();
		assertThat(result.toCompactByteArray()).isEqualTo(new HllUnion(12).getResult(TgtHllType.HLL_4).toCompactByteArray());
	}

	@Test
	void corruptImagesAreRejectedWithTheReason() {
		HllSketch big = new HllSketch(10, TgtHllType.HLL_4);
		for (int i = 0; i < 10_000; i++) {
			big.update(i);
		}
		HllSketch one = new HllSketch(10);
		one.update("x");
		for (boolean dense : new boolean[] { false, true }) {
			HllRegisterUnion union = new HllRegisterUnion(10, TgtHllType.HLL_4);
			if (dense) {
				union.add(MemorySegment.ofArray(big.toCompactByteArray()));
			}
			byte[] image = big.toCompactByteArray();
			assertThatThrownBy(() -> union.add(MemorySegment.ofArray(Arrays.copyOf(image, image.length - 1))))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("shorter than");
			byte[] list = one.toCompactByteArray();
			assertThatThrownBy(() -> union.add(MemorySegment.ofArray(Arrays.copyOf(list, 11))))
				.hasMessageContaining("shorter than");
			assertThatThrownBy(() -> union.add(MemorySegment.ofArray(new byte[] { 2, 1, 7 })))
				.hasMessageContaining("shorter than its preamble");
			byte[] family = list.clone();
			family[2] = 3;
			assertThatThrownBy(() -> union.add(MemorySegment.ofArray(family))).hasMessageContaining("family 3");
			byte[] lgK = list.clone();
			lgK[3] = 22;
			assertThatThrownBy(() -> union.add(MemorySegment.ofArray(lgK))).hasMessageContaining("lgK 22");
			byte[] mode = image.clone();
			mode[7] = 3;
			assertThatThrownBy(() -> union.add(MemorySegment.ofArray(mode))).hasMessageContaining("mode byte");
			byte[] preamble = image.clone();
			preamble[0] = 2;
			assertThatThrownBy(() -> union.add(MemorySegment.ofArray(preamble))).hasMessageContaining("preamble ints");
		}
		// a nibble saying "look in the aux table" with no aux entry behind it
		HllSketch small = new HllSketch(4, TgtHllType.HLL_4);
		for (int i = 0; i < 100; i++) {
			small.update(i);
		}
		byte[] token = small.toCompactByteArray();
		token[HllImageFormat.REGISTERS] = (byte) 0xFF;
		HllRegisterUnion union = new HllRegisterUnion(4, TgtHllType.HLL_4);
		union.add(MemorySegment.ofArray(small.toCompactByteArray()));
		assertThatThrownBy(() -> union.add(MemorySegment.ofArray(token))).hasMessageContaining("aux tokens");
	}

	@Test
	void couponTableVisitsCouponsInDataSketchesOrder() {
		// a compact SET image heapified by DataSketches and written back updatable shows its table
		SplittableRandom random = new SplittableRandom(10);
		HllSketch sketch = new HllSketch(14, TgtHllType.HLL_8);
		for (int i = 0; i < 1_000; i++) {
			sketch.update(random.nextLong());
		}
		MemorySegment compact = MemorySegment.ofArray(sketch.toCompactByteArray());
		MemorySegment table = MemorySegment.ofArray(HllSketch.heapify(compact).toUpdatableByteArray());
		int count = compact.get(HllImageFormat.INT, HllImageFormat.SET_COUNT);
		CouponTable coupons = new CouponTable();
		for (int i = 0; i < count; i++) {
			assertThat(coupons.add(compact.get(HllImageFormat.INT, HllImageFormat.SET_COUPONS + 4L * i))).isTrue();
		}
		assertThat(coupons.size()).isEqualTo(count);
		assertThat(coupons.add(compact.get(HllImageFormat.INT, HllImageFormat.SET_COUPONS))).isFalse();
		int[] expected = new int[1 << HllImageFormat.unsignedByte(table, HllImageFormat.LG_ARRAY_BYTE)];
		MemorySegment.copy(table, HllImageFormat.INT, HllImageFormat.SET_COUPONS, expected, 0, expected.length);
		assertThat(coupons.slots()).isEqualTo(expected);
		coupons.clear();
		assertThat(coupons.size()).isZero();
		assertThat(coupons.contains(expected[0] == 0 ? 1 : expected[0])).isFalse();
	}

	/** Feeds the same random images to both unions, comparing results along the way and at the end. */
	private static void runScenario(SplittableRandom random, int lgMaxK, int sketches, String context) {
		TgtHllType target = TYPES[random.nextInt(3)];
		HllUnion reference = new HllUnion(lgMaxK);
		HllRegisterUnion union = new HllRegisterUnion(lgMaxK, target);
		long universe = random.nextBoolean() ? 1L << 40 : 2_000 + random.nextInt(50_000);
		for (int i = 0; i < sketches; i++) {
			byte[] image = randomImage(random, lgMaxK, universe);
			reference.update(HllSketch.heapify(image));
			union.add(inLargerBuffer(image, random));
			if (random.nextInt(8) == 0) {
				// reading a result rebuilds stale fields in place in both unions
				assertSameSketch(union.result(), reference.getResult(target), context + " after sketch " + i);
			}
		}
		assertSameSketch(union.result(), reference.getResult(target), context);
	}

	/**
	 * A serialized sketch: empty, a few items (LIST), some (SET), many (HLL), of an lgK near the
	 * union's, of any type, compact or updatable, sometimes itself a union's result (out of order).
	 */
	private static byte[] randomImage(SplittableRandom random, int lgMaxK, long universe) {
		int lgK = Math.clamp(lgMaxK + random.nextInt(-3, 4), 4, 21);
		if (random.nextInt(10) == 0) {
			HllUnion inner = new HllUnion(lgK);
			for (int i = 0; i < 2 + random.nextInt(3); i++) {
				inner.update(randomSketch(random, lgK, universe));
			}
			HllSketch result = inner.getResult(TYPES[random.nextInt(3)]);
			return random.nextBoolean() ? result.toCompactByteArray() : result.toUpdatableByteArray();
		}
		HllSketch sketch = randomSketch(random, lgK, universe);
		return random.nextBoolean() ? sketch.toCompactByteArray() : sketch.toUpdatableByteArray();
	}

	private static HllSketch randomSketch(SplittableRandom random, int lgK, long universe) {
		HllSketch sketch = new HllSketch(lgK, TYPES[random.nextInt(3)]);
		int k = 1 << lgK;
		int items = switch (random.nextInt(10)) {
			case 0 -> 0;
			case 1, 2, 3 -> 1 + random.nextInt(7);
			case 4, 5 -> 8 + random.nextInt(Math.max(1, k / 10));
			default -> random.nextInt(k / 4, 4 * k);
		};
		for (int i = 0; i < items; i++) {
			sketch.update(random.nextLong(universe));
		}
		return sketch;
	}

	/** The image at a random offset of a larger buffer, as a stored row sits in a decoded block. */
	private static MemorySegment inLargerBuffer(byte[] image, SplittableRandom random) {
		int offset = random.nextInt(16);
		byte[] buffer = new byte[offset + image.length + random.nextInt(16)];
		Arrays.fill(buffer, (byte) 0x5A);
		System.arraycopy(image, 0, buffer, offset, image.length);
		return MemorySegment.ofArray(buffer).asSlice(offset, image.length).asReadOnly();
	}

	private static void assertSameSketch(HllSketch actual, HllSketch expected, String context) {
		byte[] expectedImage = expected.toCompactByteArray();
		byte[] actualImage = actual.toCompactByteArray();
		assertThat(actual.getLgConfigK()).as(context).isEqualTo(expected.getLgConfigK());
		assertThat(actual.getTgtHllType()).as(context).isEqualTo(expected.getTgtHllType());
		double relative = Math.abs(actual.getEstimate() - expected.getEstimate()) / Math.max(1, expected.getEstimate());
		assertThat(relative).as(context + ": estimate %s vs %s", actual.getEstimate(), expected.getEstimate())
			.isLessThanOrEqualTo(1e-9);
		assertThat(actual.getCompositeEstimate()).as(context).isEqualTo(expected.getCompositeEstimate());
		assertThat(actual.getUpperBound(2)).as(context).isEqualTo(expected.getUpperBound(2));
		if (isOutOfOrder(expectedImage) && expectedImage[0] == HllImageFormat.HLL_PREAMBLE_INTS) {
			withoutHip(expectedImage);
			withoutHip(actualImage);
		}
		assertThat(actualImage).as(context).isEqualTo(expectedImage);
	}

	private static boolean isOutOfOrder(byte[] image) {
		return (image[HllImageFormat.FLAGS_BYTE] & HllImageFormat.FLAG_OUT_OF_ORDER) != 0;
	}

	private static void withoutHip(byte[] image) {
		Arrays.fill(image, HllImageFormat.HIP_ACCUM, HllImageFormat.HIP_ACCUM + 8, (byte) 0);
	}

}
