package io.strata.engine.segment.format;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.HllSketchAggregatorSpec;
import io.strata.engine.aggregation.SketchCodec;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.SketchValues;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/** Sketch columns: serialized HLL sketches of 0 to 5,000 items, as hex for comparison; null rows have none. */
class SketchColumnRoundTripTest extends ColumnRoundTripTest {

	private static final HllSketchAggregatorSpec SPEC = new HllSketchAggregatorSpec("c", "user", 10, "HLL_8", false,
			false);

	private final SketchCodec codec = new SketchCodec(SPEC);

	@Override
	protected AggregatorSpec aggregator() {
		return SPEC;
	}

	@Override
	protected Object randomValue(SplittableRandom random, int row) {
		Object sketch = this.codec.newSketch();
		int items = random.nextInt(50) == 0 ? random.nextInt(5_000) : random.nextInt(4);
		for (int i = 0; i < items; i++) {
			sketch = this.codec.update(sketch, "u" + random.nextInt(1_000_000));
		}
		return HexFormat.of().formatHex(this.codec.serialize(sketch));
	}

	@Override
	protected ColumnWriter write(String name, List<Object> values) {
		SketchColumnWriter writer = new SketchColumnWriter(name, SPEC.storedType());
		for (Object value : values) {
			writer.add(value == null ? null : HexFormat.of().parseHex((String) value));
		}
		return writer;
	}

	@Override
	protected List<Object> readAll(Segment segment, String name) {
		SketchValues cursor = segment.sketchColumn(name).open();
		List<Object> values = new ArrayList<>();
		for (int row = 0; row < segment.numRows(); row++) {
			byte[] bytes = cursor.getBytes(row);
			values.add(bytes == null ? null : HexFormat.of().formatHex(bytes));
			if (bytes != null && row % 97 == 0) {
				// the stored bytes are a sketch DataSketches reads back
				this.codec.estimate(cursor.getSketch(row));
			}
		}
		return values;
	}

	@Override
	protected Object readOne(Segment segment, String name, int row) {
		byte[] bytes = segment.sketchColumn(name).open().getBytes(row);
		return bytes == null ? null : HexFormat.of().formatHex(bytes);
	}

}
