package io.strata.engine.segment.encoding;

/** Delta blocks (the sorted time column), which must hold any longs, sorted or not. */
class DeltaLongBlockCodecRoundTripTest extends LongBlockCodecRoundTripTest {

	@Override
	protected boolean delta() {
		return true;
	}

}
