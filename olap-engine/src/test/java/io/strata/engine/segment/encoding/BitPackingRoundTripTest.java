package io.strata.engine.segment.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BitPackingRoundTripTest extends LongEncodingRoundTripTest {

	@Override
	protected long[] roundTrip(long[] values, int count) {
		long max = 0;
		boolean negative = false;
		for (int i = 0; i < count; i++) {
			negative |= values[i] < 0;
			max = Math.max(max, values[i]);
		}
		int bits = negative ? 64 : BitPacking.bitsNeeded(max);
		long[] words = new long[BitPacking.wordsNeeded(count, bits)];
		BitPacking.pack(values, count, bits, words);
		long[] out = new long[count + 3];
		out[0] = 77;
		BitPacking.unpack(words, count, bits, out, 1);
		assertThat(out[0]).as("unpack writes only from its offset").isEqualTo(77);
		long[] decoded = new long[count];
		System.arraycopy(out, 1, decoded, 0, count);
		if (bits <= BitPacking.MAX_WINDOW_BITS) {
			// the byte-window path reads the same values from the words' little-endian bytes, at an
			// odd offset into an array with 8 spare bytes
			java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(3 + 8 * words.length + 8)
				.order(java.nio.ByteOrder.LITTLE_ENDIAN);
			bytes.position(3);
			for (long word : words) {
				bytes.putLong(word);
			}
			long[] fromBytes = new long[count];
			BitPacking.unpackBytes(bytes.array(), 3, count, bits, fromBytes);
			assertThat(fromBytes).as("byte-window unpack at %d bits", bits).containsExactly(decoded);
		}
		return decoded;
	}

	@Test
	void widthsAndWords() {
		assertThat(BitPacking.bitsNeeded(0)).isZero();
		assertThat(BitPacking.bitsNeeded(1)).isEqualTo(1);
		assertThat(BitPacking.bitsNeeded(255)).isEqualTo(8);
		assertThat(BitPacking.bitsNeeded(256)).isEqualTo(9);
		assertThat(BitPacking.bitsNeeded(Long.MAX_VALUE)).isEqualTo(63);
		assertThat(BitPacking.bitsNeeded(-1)).isEqualTo(64);
		assertThat(BitPacking.wordsNeeded(0, 13)).isZero();
		assertThat(BitPacking.wordsNeeded(5, 13)).isEqualTo(2);
		assertThat(BitPacking.wordsNeeded(64, 1)).isEqualTo(1);
		assertThat(BitPacking.wordsNeeded(8192, 64)).isEqualTo(8192);
		assertThat(BitPacking.wordsNeeded(Integer.MAX_VALUE, 64)).isEqualTo(Integer.MAX_VALUE);
	}

}
