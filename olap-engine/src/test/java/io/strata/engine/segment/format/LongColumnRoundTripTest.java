package io.strata.engine.segment.format;

import io.strata.engine.type.ColumnType;
import java.util.SplittableRandom;

class LongColumnRoundTripTest extends NumericColumnRoundTripTest {

	@Override
	protected ColumnType type() {
		return ColumnType.LONG;
	}

	@Override
	protected Object randomValue(SplittableRandom random, int row) {
		return switch (random.nextInt(6)) {
			case 0 -> Long.MIN_VALUE;
			case 1 -> Long.MAX_VALUE;
			case 2 -> random.nextLong();
			default -> (long) random.nextInt(-1000, 1000) * (row % 2 == 0 ? 1 : 1_000_000L);
		};
	}

}
