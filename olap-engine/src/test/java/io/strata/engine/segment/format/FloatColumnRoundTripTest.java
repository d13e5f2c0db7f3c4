package io.strata.engine.segment.format;

import io.strata.engine.type.ColumnType;
import java.util.SplittableRandom;

class FloatColumnRoundTripTest extends NumericColumnRoundTripTest {

	@Override
	protected ColumnType type() {
		return ColumnType.FLOAT;
	}

	@Override
	protected Object randomValue(SplittableRandom random, int row) {
		return switch (random.nextInt(4)) {
			case 0 -> Float.MIN_VALUE;
			case 1 -> -Float.MAX_VALUE;
			default -> random.nextFloat() * 1e6f;
		};
	}

}
