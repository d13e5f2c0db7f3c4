package io.strata.engine.segment.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

/** Frame-of-reference blocks (dictionary ids, counts, metrics). */
class LongBlockCodecRoundTripTest extends LongEncodingRoundTripTest {

	protected boolean delta() {
		return false;
	}

	@Override
	protected long[] roundTrip(long[] values, int count) {
		ByteSink sink = new ByteSink(16);
		sink.writeByte(0x5A);
		NumericBlockCodec.encodeLongs(values, count, delta(), sink);
		ByteBuffer in = ByteBuffer.wrap(sink.toByteArray());
		in.position(1);
		long[] out = new long[Math.max(count, 1)];
		NumericBlockCodec.decodeLongs(in, count, out, new long[NumericBlockCodec.maxWords(Math.max(count, 1))]);
		assertThat(in.remaining()).as("the decoder reads exactly what the encoder wrote").isZero();
		return out;
	}

}
