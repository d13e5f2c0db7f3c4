package io.strata.engine.segment.column;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The 64-bit hash behind {@link SketchValues#fingerprint(int)}: eight bytes a step, then mixed. */
public final class SketchFingerprint {

	private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

	private SketchFingerprint() {
	}

	/** Hashes {@code bytes[start, start + length)}; never returns 0. */
	public static long of(ByteBuffer bytes, int start, int length) {
		ByteBuffer little = bytes.order() == ByteOrder.LITTLE_ENDIAN ? bytes
				: bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		long hash = length * MULTIPLIER;
		int i = 0;
		for (; i + 8 <= length; i += 8) {
			hash = round(hash, little.getLong(start + i));
		}
		long tail = 0;
		for (int shift = 0; i < length; i++, shift += 8) {
			tail |= (little.get(start + i) & 0xFFL) << shift;
		}
		hash = round(hash, tail);
		hash ^= hash >>> 31;
		hash *= 0xBF58476D1CE4E5B9L;
		hash ^= hash >>> 27;
		return hash == 0 ? 1 : hash;
	}

	private static long round(long hash, long word) {
		long mixed = (word * 0x94D049BB133111EBL) ^ ((word * 0x94D049BB133111EBL) >>> 32);
		return Long.rotateLeft(hash ^ mixed, 27) * MULTIPLIER + 0x632BE59BD9B4E019L;
	}

}
