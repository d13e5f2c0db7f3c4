package io.strata.engine.segment.format;

import io.strata.engine.type.ColumnType;
import java.util.SplittableRandom;

class DoubleColumnRoundTripTest extends NumericColumnRoundTripTest {

	@Override
	protected ColumnType type() {
		return ColumnType.DOUBLE;
	}

	@Override
	protected Object randomValue(SplittableRandom random, int row) {
		return switch (random.nextInt(6)) {
			case 0 -> -0.0;
			case 1 -> Double.MAX_VALUE;
			case 2 -> Double.longBitsToDouble(random.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL);
			default -> random.nextInt(100_000) / 4.0;
		};
	}

}
