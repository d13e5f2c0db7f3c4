package io.strata.engine.batch;

/** MurmurHash3 x86 32-bit with seed 0, the hash behind Druid's {@code murmur3_32_abs}. Stateless. */
final class Murmur3 {

	private static final int C1 = 0xcc9e2d51;

	private static final int C2 = 0x1b873593;

	private Murmur3() {
	}

	static int hash32(byte[] data, int length) {
		int h = 0;
		int blocks = length & ~3;
		for (int i = 0; i < blocks; i += 4) {
			int k = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16 | (data[i + 3] & 0xff) << 24;
			h ^= mixK(k);
			h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
		}
		int tail = length & 3;
		if (tail > 0) {
			int k = 0;
			if (tail == 3) {
				k ^= (data[blocks + 2] & 0xff) << 16;
			}
			if (tail >= 2) {
				k ^= (data[blocks + 1] & 0xff) << 8;
			}
			k ^= data[blocks] & 0xff;
			h ^= mixK(k);
		}
		h ^= length;
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		h ^= h >>> 16;
		return h;
	}

	private static int mixK(int k) {
		return Integer.rotateLeft(k * C1, 15) * C2;
	}

}
