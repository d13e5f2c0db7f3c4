package io.strata.engine.segment.encoding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encodes a block of numbers before compression.
 * <p>
 * Longs use frame-of-reference: {@code (value - min) / gcd} bit-packed at the width of the largest
 * such value, optionally over deltas (the sorted time column, where deltas are small). Dictionary
 * ids, counts and sums of usage data shrink to a few bits a value this way, and LZ4 then squeezes
 * the repeats. Layout (little-endian):
 * <pre>
 * byte  mode (0 = frame of reference, 1 = deltas then frame of reference)
 * long  first value (mode 1 only)
 * long  min
 * long  gcd (>= 1)
 * byte  bits
 * long[wordsNeeded(n', bits)] packed values, n' = n (mode 0) or n - 1 (mode 1)
 * </pre>
 * Doubles are stored as longs when a block holds whole numbers only (format version 2), else
 * as raw IEEE bits, as floats are; LZ4 does what it can with raw bits.
 */
public final class NumericBlockCodec {

	private static final byte MODE_FOR = 0;

	private static final byte MODE_DELTA = 1;

	private static final byte DOUBLES_RAW = 0;

	private static final byte DOUBLES_AS_LONGS = 1;

	private static final double MAX_SAFE_INTEGER = 0x1p53;

	private static final long NEGATIVE_ZERO_BITS = Double.doubleToRawLongBits(-0.0);

	private NumericBlockCodec() {
	}

	public static void encodeLongs(long[] values, int count, boolean delta, ByteSink out) {
		long[] work;
		int n;
		if (delta && count > 0) {
			work = new long[count - 1];
			for (int i = 1; i < count; i++) {
				work[i - 1] = values[i] - values[i - 1];
			}
			n = count - 1;
			out.writeByte(MODE_DELTA);
			out.writeLong(values[0]);
		}
		else {
			work = values;
			n = count;
			out.writeByte(MODE_FOR);
		}
		long min = Long.MAX_VALUE;
		long max = Long.MIN_VALUE;
		for (int i = 0; i < n; i++) {
			min = Math.min(min, work[i]);
			max = Math.max(max, work[i]);
		}
		if (n == 0) {
			min = 0;
			max = 0;
		}
		long gcd = 0;
		for (int i = 0; i < n && gcd != 1; i++) {
			gcd = gcd(gcd, work[i] - min);
		}
		if (gcd <= 0) {
			gcd = 1;
		}
		long range = max - min;
		// A range that overflows (values spanning most of the long range) is stored unpacked.
		int bits = (range < 0) ? 64 : BitPacking.bitsNeeded(Long.divideUnsigned(range, gcd));
		if (bits == 64) {
			gcd = 1;
		}
		out.writeLong(min);
		out.writeLong(gcd);
		out.writeByte(bits);
		long[] normalized = new long[n];
		for (int i = 0; i < n; i++) {
			normalized[i] = bits == 64 ? work[i] : (work[i] - min) / gcd;
		}
		long[] words = new long[BitPacking.wordsNeeded(n, bits)];
		BitPacking.pack(normalized, n, bits, words);
		for (long word : words) {
			out.writeLong(word);
		}
	}

	/** Decodes {@code count} longs encoded by {@link #encodeLongs} from {@code in} at its position. */
	public static void decodeLongs(ByteBuffer in, int count, long[] out, long[] scratchWords) {
		ByteBuffer buffer = in.order(ByteOrder.LITTLE_ENDIAN);
		byte mode = buffer.get();
		long first = mode == MODE_DELTA ? buffer.getLong() : 0;
		int n = mode == MODE_DELTA ? Math.max(0, count - 1) : count;
		long min = buffer.getLong();
		long gcd = buffer.getLong();
		int bits = buffer.get();
		if (bits < 0 || bits > 64 || gcd < 1 || (mode != MODE_FOR && mode != MODE_DELTA)) {
			throw new IllegalStateException("bad numeric block header");
		}
		int words = BitPacking.wordsNeeded(n, bits);
		for (int i = 0; i < words; i++) {
			scratchWords[i] = buffer.getLong();
		}
		if (mode == MODE_DELTA) {
			if (count == 0) {
				return;
			}
			BitPacking.unpack(scratchWords, n, bits, out, 1);
			out[0] = first;
			if (bits == 64) {
				for (int i = 1; i < count; i++) {
					out[i] = out[i - 1] + out[i];
				}
			}
			else {
				for (int i = 1; i < count; i++) {
					out[i] = out[i - 1] + out[i] * gcd + min;
				}
			}
			return;
		}
		BitPacking.unpack(scratchWords, n, bits, out, 0);
		if (bits != 64 && (gcd != 1 || min != 0)) {
			for (int i = 0; i < n; i++) {
				out[i] = out[i] * gcd + min;
			}
		}
	}

	/**
	 * Reads the header and packed words of a frame-of-reference block written by {@link
	 * #encodeLongs} without unpacking it, for random access through {@link #packedValue}: fills
	 * {@code header} with min, gcd and bits. Returns false, reading nothing, for a delta block,
	 * whose values depend on all before them.
	 */
	public static boolean readPacked(ByteBuffer in, int count, long[] header, long[] words) {
		ByteBuffer buffer = in.order(ByteOrder.LITTLE_ENDIAN);
		int start = buffer.position();
		byte mode = buffer.get();
		if (mode != MODE_FOR) {
			buffer.position(start);
			return false;
		}
		long min = buffer.getLong();
		long gcd = buffer.getLong();
		int bits = buffer.get();
		if (bits < 0 || bits > 64 || gcd < 1) {
			throw new IllegalStateException("bad numeric block header");
		}
		int wordCount = BitPacking.wordsNeeded(count, bits);
		for (int i = 0; i < wordCount; i++) {
			words[i] = buffer.getLong();
		}
		header[0] = min;
		header[1] = gcd;
		header[2] = bits;
		return true;
	}

	/** Value {@code index} of a block read by {@link #readPacked}. */
	public static long packedValue(long[] header, long[] words, int index) {
		int bits = (int) header[2];
		long packed = BitPacking.get(words, index, bits);
		return bits == 64 ? packed : packed * header[1] + header[0];
	}

	/** The most words a block of {@code count} values may need in {@link #decodeLongs}. */
	public static int maxWords(int count) {
		return BitPacking.wordsNeeded(count, 64);
	}

	/**
	 * Format version 2: a mode byte, then either the raw IEEE bits ({@code 0}) or, when every value
	 * of the block is a whole number of magnitude at most 2^53 (and no -0.0), the values as longs
	 * through {@link #encodeLongs} ({@code 1}). Counters kept as doubles (bytes, prices in cents)
	 * shrink to a few bits a value and decode at the speed of longs.
	 */
	public static void encodeDoubles(double[] values, int count, ByteSink out) {
		boolean integral = true;
		for (int i = 0; i < count && integral; i++) {
			integral = isSafeIntegral(values[i]);
		}
		if (integral) {
			long[] longs = new long[count];
			for (int i = 0; i < count; i++) {
				longs[i] = (long) values[i];
			}
			out.writeByte(DOUBLES_AS_LONGS);
			encodeLongs(longs, count, false, out);
			return;
		}
		out.writeByte(DOUBLES_RAW);
		for (int i = 0; i < count; i++) {
			out.writeLong(Double.doubleToRawLongBits(values[i]));
		}
	}

	private static boolean isSafeIntegral(double value) {
		return Math.abs(value) <= MAX_SAFE_INTEGER && value == Math.rint(value)
				&& Double.doubleToRawLongBits(value) != NEGATIVE_ZERO_BITS;
	}

	/**
	 * Decodes a block written by {@link #encodeDoubles} for {@code formatVersion} (version 1
	 * blocks are raw bits with no mode byte); {@code longs} and {@code words} are scratch.
	 */
	public static void decodeDoubles(ByteBuffer in, int count, double[] out, int formatVersion, long[] longs,
			long[] words) {
		ByteBuffer buffer = in.order(ByteOrder.LITTLE_ENDIAN);
		byte mode = formatVersion >= 2 ? buffer.get() : DOUBLES_RAW;
		switch (mode) {
			case DOUBLES_RAW -> decodeRawDoubles(buffer, count, out);
			case DOUBLES_AS_LONGS -> {
				decodeLongs(buffer, count, longs, words);
				for (int i = 0; i < count; i++) {
					out[i] = longs[i];
				}
			}
			default -> throw new IllegalStateException("bad double block mode " + mode);
		}
	}

	private static void decodeRawDoubles(ByteBuffer buffer, int count, double[] out) {
		// one bulk copy: the raw bits are stored little-endian, as the view reads them
		buffer.asDoubleBuffer().get(out, 0, count);
		buffer.position(buffer.position() + count * Double.BYTES);
	}

	public static void encodeFloats(float[] values, int count, ByteSink out) {
		for (int i = 0; i < count; i++) {
			out.writeInt(Float.floatToRawIntBits(values[i]));
		}
	}

	public static void decodeFloats(ByteBuffer in, int count, float[] out) {
		ByteBuffer buffer = in.order(ByteOrder.LITTLE_ENDIAN);
		buffer.asFloatBuffer().get(out, 0, count);
		buffer.position(buffer.position() + count * Float.BYTES);
	}

	private static long gcd(long a, long b) {
		a = Math.abs(a);
		b = Math.abs(b);
		while (b != 0) {
			long t = a % b;
			a = b;
			b = t;
		}
		return a;
	}

}
