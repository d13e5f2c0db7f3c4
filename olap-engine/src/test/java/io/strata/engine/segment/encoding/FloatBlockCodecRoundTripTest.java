package io.strata.engine.segment.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

/** Float blocks: the values are the raw IEEE bits in the low 32 bits of the generated longs. */
class FloatBlockCodecRoundTripTest extends LongEncodingRoundTripTest {

	@Override
	protected long adapt(long value) {
		float f = Float.intBitsToFloat((int) value);
		return Float.isNaN(f) ? Float.floatToRawIntBits(Float.NaN) : (int) value;
	}

	@Override
	protected long[] roundTrip(long[] values, int count) {
		float[] floats = new float[count];
		for (int i = 0; i < count; i++) {
			floats[i] = Float.intBitsToFloat((int) values[i]);
		}
		ByteSink sink = new ByteSink(16);
		NumericBlockCodec.encodeFloats(floats, count, sink);
		ByteBuffer in = ByteBuffer.wrap(sink.toByteArray());
		float[] out = new float[count];
		NumericBlockCodec.decodeFloats(in, count, out);
		assertThat(in.remaining()).isZero();
		long[] bits = new long[count];
		for (int i = 0; i < count; i++) {
			bits[i] = Float.floatToRawIntBits(out[i]);
		}
		return bits;
	}

}
