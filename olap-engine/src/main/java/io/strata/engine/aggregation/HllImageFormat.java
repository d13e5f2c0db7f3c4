package io.strata.engine.aggregation;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The serialized form of an Apache DataSketches HLL sketch (serialization version 1), as far as
 * {@link HllRegisterUnion} reads and writes it, and the checks that reject a corrupt image before
 * any of it is used. Multi-byte fields are little-endian.
 *
 * <pre>
 * byte 0     preamble ints: 2 for LIST, 3 for SET, 10 for HLL
 * byte 1     serialization version, 1
 * byte 2     family id, 7
 * byte 3     lgK, 4 to 21
 * byte 4     LIST and SET: log2 of the coupon array length; HLL_4: log2 of the aux table length
 * byte 5     flags: 4 empty, 8 compact, 16 out of order, 32 kxq and curMin stale (union gadgets only)
 * byte 6     LIST: coupon count; HLL: curMin
 * byte 7     bits 0-1 the mode (0 LIST, 1 SET, 2 HLL), bits 2-3 the target type (0 HLL_4, 1 HLL_6, 2 HLL_8)
 * LIST       the coupons, an int each, from byte 8 (compact or not)
 * SET        int count at 8, then from byte 12: compact, count coupons; updatable, the whole hash
 *            table of 2^lgArr ints, 0 marking an empty slot
 * HLL        double HIP accumulator at 8, kxq0 at 16, kxq1 at 24, int numAtCurMin at 32, int aux
 *            count at 36, registers from 40: HLL_8 a byte per slot; HLL_6 six bits per slot, slot i
 *            at bit 6i (3K/4 + 1 bytes); HLL_4 a nibble per slot (even slots low), holding the value
 *            minus curMin, 15 meaning the value is in the aux table that follows the K/2 nibble
 *            bytes: compact, aux count ints; updatable, 2^lgArr ints with 0 for empty
 * coupon     bits 0-25 the hash bits that pick the slot (a sketch of lgK uses the low lgK of them),
 *            bits 26-31 the register value; aux entries pair slot and value the same way
 * </pre>
 */
final class HllImageFormat {

	static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

	static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

	static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

	static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

	static final int MODE_LIST = 0;

	static final int MODE_SET = 1;

	static final int MODE_HLL = 2;

	static final int TYPE_HLL_4 = 0;

	static final int TYPE_HLL_6 = 1;

	static final int TYPE_HLL_8 = 2;

	static final int LIST_PREAMBLE_INTS = 2;

	static final int SET_PREAMBLE_INTS = 3;

	static final int HLL_PREAMBLE_INTS = 10;

	static final int FLAG_COMPACT = 8;

	static final int FLAG_OUT_OF_ORDER = 16;

	static final int FLAG_STALE = 32;

	static final int LG_K_BYTE = 3;

	static final int LG_ARRAY_BYTE = 4;

	static final int FLAGS_BYTE = 5;

	static final int LIST_COUNT_BYTE = 6;

	static final int CUR_MIN_BYTE = 6;

	static final int MODE_BYTE = 7;

	static final int LIST_COUPONS = 8;

	static final int SET_COUNT = 8;

	static final int SET_COUPONS = 12;

	static final int HIP_ACCUM = 8;

	static final int KXQ0 = 16;

	static final int KXQ1 = 24;

	static final int NUM_AT_CUR_MIN = 32;

	static final int AUX_COUNT = 36;

	static final int REGISTERS = 40;

	/** Coupon bits holding the slot hash; the value sits above them. */
	static final int KEY_BITS = 26;

	static final int KEY_MASK = (1 << KEY_BITS) - 1;

	/** The HLL_4 nibble that sends a reader to the aux table. */
	static final int AUX_TOKEN = 15;

	static final int MIN_LG_K = 4;

	static final int MAX_LG_K = 21;

	/** Bytes 0-2 and the mode bits of a LIST image's first eight bytes, read as one long. */
	private static final long LIST_HEAD_MASK = 0x0300_0000_00FF_FFFFL;

	private static final long LIST_HEAD = 0x0000_0000_0007_0102L;

	private HllImageFormat() {
	}

	/**
	 * Whether the first eight bytes of an image (read as one little-endian long) are a valid LIST
	 * preamble: the one check on the hot path of rows that hold a few coupons each.
	 */
	static boolean isListHead(long head) {
		int lgK = (int) (head >>> 24) & 0xFF;
		int type = (int) (head >>> 58) & 3;
		return (head & LIST_HEAD_MASK) == LIST_HEAD && lgK >= MIN_LG_K && lgK <= MAX_LG_K && type != 3;
	}

	/** The coupon count of a LIST preamble read by {@link #isListHead}. */
	static int listCount(long head) {
		return (int) (head >>> 48) & 0xFF;
	}

	/**
	 * Checks an image's preamble and that its length covers everything the preamble promises.
	 * @return its mode, {@link #MODE_LIST}, {@link #MODE_SET} or {@link #MODE_HLL}
	 * @throws IllegalArgumentException saying what is wrong with the image
	 */
	static int check(MemorySegment image) {
		long length = image.byteSize();
		if (length < 8) {
			throw corrupt("is " + length + " bytes, shorter than its preamble");
		}
		int preambleInts = unsignedByte(image, 0);
		int version = unsignedByte(image, 1);
		int family = unsignedByte(image, 2);
		int lgK = unsignedByte(image, LG_K_BYTE);
		int modeByte = unsignedByte(image, MODE_BYTE);
		int mode = modeByte & 3;
		int type = (modeByte >>> 2) & 3;
		if (version != 1 || family != 7) {
			throw corrupt("has serialization version " + version + " and family " + family);
		}
		if (lgK < MIN_LG_K || lgK > MAX_LG_K) {
			throw corrupt("has lgK " + lgK);
		}
		if (mode == 3 || type == 3) {
			throw corrupt("has mode byte " + modeByte);
		}
		int expectedPreambleInts = switch (mode) {
			case MODE_LIST -> LIST_PREAMBLE_INTS;
			case MODE_SET -> SET_PREAMBLE_INTS;
			default -> HLL_PREAMBLE_INTS;
		};
		if (preambleInts != expectedPreambleInts) {
			throw corrupt("has " + preambleInts + " preamble ints for mode " + mode);
		}
		long needed = switch (mode) {
			case MODE_LIST -> LIST_COUPONS + 4L * unsignedByte(image, LIST_COUNT_BYTE);
			case MODE_SET -> setBytes(image);
			default -> hllBytes(image, lgK, type);
		};
		if (needed > length) {
			throw corrupt("is " + length + " bytes, shorter than the " + needed + " its preamble promises");
		}
		return mode;
	}

	static boolean isCompact(MemorySegment image) {
		return (unsignedByte(image, FLAGS_BYTE) & FLAG_COMPACT) != 0;
	}

	static int unsignedByte(MemorySegment image, long offset) {
		return Byte.toUnsignedInt(image.get(ValueLayout.JAVA_BYTE, offset));
	}

	/** Bytes of an HLL image's register array (without aux entries). */
	static int registerBytes(int lgK, int type) {
		return switch (type) {
			case TYPE_HLL_4 -> 1 << (lgK - 1);
			case TYPE_HLL_6 -> ((3 << lgK) >>> 2) + 1;
			default -> 1 << lgK;
		};
	}

	/** Ints of an HLL_4 image's aux section. */
	static int auxInts(MemorySegment image) {
		int count = image.get(INT, AUX_COUNT);
		if (count == 0) {
			return 0;
		}
		return isCompact(image) ? count : 1 << unsignedByte(image, LG_ARRAY_BYTE);
	}

	/** 2^-value, exactly, as DataSketches' estimators sum it. */
	static double inversePowerOfTwo(int value) {
		return Double.longBitsToDouble((1023L - value) << 52);
	}

	private static long setBytes(MemorySegment image) {
		if (image.byteSize() < SET_COUPONS) {
			return SET_COUPONS;
		}
		int count = image.get(INT, SET_COUNT);
		if (count < 0) {
			throw corrupt("has a coupon count of " + count);
		}
		if (isCompact(image)) {
			return SET_COUPONS + 4L * count;
		}
		int lgArray = unsignedByte(image, LG_ARRAY_BYTE);
		if (lgArray < 5 || lgArray > KEY_BITS) {
			throw corrupt("has a coupon table of 2^" + lgArray + " ints");
		}
		return SET_COUPONS + (4L << lgArray);
	}

	private static long hllBytes(MemorySegment image, int lgK, int type) {
		long registers = REGISTERS + registerBytes(lgK, type);
		if (type != TYPE_HLL_4 || image.byteSize() < REGISTERS) {
			return registers;
		}
		int count = image.get(INT, AUX_COUNT);
		int lgArray = unsignedByte(image, LG_ARRAY_BYTE);
		if (count < 0 || (count > 0 && !isCompact(image) && lgArray > KEY_BITS)) {
			throw corrupt("has an aux table of " + count + " entries in 2^" + lgArray + " ints");
		}
		return registers + 4L * auxInts(image);
	}

	static IllegalArgumentException corrupt(String problem) {
		return new IllegalArgumentException("HLL sketch image " + problem);
	}

}
