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
		NumericBlockCodec.decodeDoubles(in, count, out);
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
		NumericBlockCodec.decodeDoubles(ByteBuffer.wrap(sink.toByteArray()), values.length, out);
		assertThat(out).containsExactly(values);
		assertThat(Double.doubleToRawLongBits(out[1])).isEqualTo(Double.doubleToRawLongBits(-0.0));
	}

}
