package io.strata.engine.segment.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

/** Double blocks: the values are the raw IEEE bits of the generated longs (NaNs, -0.0, subnormals...). */
class DoubleBlockCodecRoundTripTest extends LongEncodingRoundTripTest {

	@Override
	protected long adapt(long value) {
		// one canonical NaN: other NaN payloads need not survive a trip through a double register
		return Double.isNaN(Double.longBitsToDouble(value)) ? Double.doubleToRawLongBits(Double.NaN) : value;
	}

	@Override
	protected long[] roundTrip(long[] values, int count) {
		double[] doubles = new double[count];
		for (int i = 0; i < count; i++) {
			doubles[i] = Double.longBitsToDouble(values[i]);
		}
		ByteSink sink = new ByteSink(16);
		NumericBlockCodec.encodeDoubles(doubles, count, sink);
		ByteBuffer in = ByteBuffer.wrap(sink.toByteArray());
		double[] out = new double[count];
		decode(in, count, out);
		assertThat(in.remaining()).isZero();
		long[] bits = new long[count];
		for (int i = 0; i < count; i++) {
			bits[i] = Double.doubleToRawLongBits(out[i]);
		}
		return bits;
	}

	@Test
	void specialValues() {
		double[] values = { 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
				-Double.MAX_VALUE, 1e-310, 0.1 };
		ByteSink sink = new ByteSink(16);
		NumericBlockCodec.encodeDoubles(values, values.length, sink);
		double[] out = new double[values.length];
		decode(ByteBuffer.wrap(sink.toByteArray()), values.length, out);
		assertThat(out).containsExactly(values);
		assertThat(Double.doubleToRawLongBits(out[1])).isEqualTo(Double.doubleToRawLongBits(-0.0));
	}

	@Test
	void wholeNumbersAreStoredAsPackedLongsAndComeBackExactly() {
		double[] values = new double[8192];
		for (int i = 0; i < values.length; i++) {
			values[i] = (i * 7919L) % 5000 - 100;
		}
		values[17] = 0x1p53;
		values[18] = -0x1p53;
		ByteSink sink = new ByteSink(16);
		NumericBlockCodec.encodeDoubles(values, values.length, sink);
		byte[] bytes = sink.toByteArray();
		// 54 bits a value at most here, far below 64 raw bits
		assertThat(bytes.length).isLessThan(values.length * 7);
		double[] out = new double[values.length];
		decode(ByteBuffer.wrap(bytes), values.length, out);
		assertThat(out).containsExactly(values);
	}

	@Test
	void oneFractionOrNegativeZeroKeepsTheBlockRaw() {
		for (double odd : new double[] { 0.5, -0.0, 0x1p53 + 2, Double.NaN }) {
			double[] values = { 1, 2, 3, odd, 5 };
			ByteSink sink = new ByteSink(16);
			NumericBlockCodec.encodeDoubles(values, values.length, sink);
			byte[] bytes = sink.toByteArray();
			assertThat(bytes).hasSize(1 + 8 * values.length);
			double[] out = new double[values.length];
			decode(ByteBuffer.wrap(bytes), values.length, out);
			for (int i = 0; i < values.length; i++) {
				assertThat(Double.doubleToRawLongBits(out[i])).isEqualTo(Double.doubleToRawLongBits(values[i]));
			}
		}
	}

	@Test
	void version1BlocksAreRawBitsWithoutAModeByte() {
		double[] values = { 1.0, 2.0, 3.0 };
		ByteBuffer raw = ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		for (double value : values) {
			raw.putLong(Double.doubleToRawLongBits(value));
		}
		raw.flip();
		double[] out = new double[3];
		NumericBlockCodec.decodeDoubles(raw, 3, out, 1, new long[3], new long[NumericBlockCodec.maxWords(3)]);
		assertThat(out).containsExactly(values);
		assertThat(raw.remaining()).isZero();
	}

	private static void decode(ByteBuffer in, int count, double[] out) {
		NumericBlockCodec.decodeDoubles(in, count, out, 2, new long[count], new long[NumericBlockCodec.maxWords(count)]);
	}

}
