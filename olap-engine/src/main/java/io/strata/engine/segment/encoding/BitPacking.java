package io.strata.engine.segment.encoding;

/**
 * Packs non-negative values of {@code bits} width (0 to 64) into little-endian 64-bit words:
 * value {@code i} occupies bits {@code [i*bits, (i+1)*bits)} of the stream. Width 0 means all
 * values are zero and takes no space.
 */
public final class BitPacking {

	private BitPacking() {
	}

	public static int bitsNeeded(long maxValue) {
		return maxValue == 0 ? 0 : 64 - Long.numberOfLeadingZeros(maxValue);
	}

	public static int wordsNeeded(int count, int bits) {
		return (int) (((long) count * bits + 63) >>> 6);
	}

	public static void pack(long[] values, int count, int bits, long[] words) {
		if (bits == 0) {
			return;
		}
		if (bits == 64) {
			System.arraycopy(values, 0, words, 0, count);
			return;
		}
		long bitPosition = 0;
		for (int i = 0; i < count; i++) {
			long value = values[i];
			int word = (int) (bitPosition >>> 6);
			int shift = (int) (bitPosition & 63);
			words[word] |= value << shift;
			if (shift + bits > 64) {
				words[word + 1] |= value >>> (64 - shift);
			}
			bitPosition += bits;
		}
	}

	public static void unpack(long[] words, int count, int bits, long[] out, int outOffset) {
		if (bits == 0) {
			java.util.Arrays.fill(out, outOffset, outOffset + count, 0L);
			return;
		}
		if (bits == 64) {
			System.arraycopy(words, 0, out, outOffset, count);
			return;
		}
		long mask = (1L << bits) - 1;
		long bitPosition = 0;
		for (int i = 0; i < count; i++) {
			int word = (int) (bitPosition >>> 6);
			int shift = (int) (bitPosition & 63);
			long value = words[word] >>> shift;
			if (shift + bits > 64) {
				value |= words[word + 1] << (64 - shift);
			}
			out[outOffset + i] = value & mask;
			bitPosition += bits;
		}
	}

	/** Value {@code index} of a packed stream (random access: no other value is decoded). */
	public static long get(long[] words, int index, int bits) {
		if (bits == 0) {
			return 0;
		}
		if (bits == 64) {
			return words[index];
		}
		long bitPosition = (long) index * bits;
		int word = (int) (bitPosition >>> 6);
		int shift = (int) (bitPosition & 63);
		long value = words[word] >>> shift;
		if (shift + bits > 64) {
			value |= words[word + 1] << (64 - shift);
		}
		return value & ((1L << bits) - 1);
	}

}
