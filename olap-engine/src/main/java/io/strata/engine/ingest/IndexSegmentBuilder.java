package io.strata.engine.ingest;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.IndexRowOrder.StringRanks;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.memory.InMemoryColumn;
import io.strata.engine.segment.memory.InMemorySegment;
import io.strata.engine.segment.memory.NamedColumn;
import io.strata.engine.segment.memory.NumericColumnBuilder;
import io.strata.engine.segment.memory.SketchColumnBuilder;
import io.strata.engine.segment.memory.StringColumnBuilder;
import io.strata.engine.type.ColumnType;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the in-memory segment of an {@link IndexSnapshot}: the rows in the order and with the
 * dimensions {@link IndexPersister} writes, so that a query answers alike on the snapshot and on
 * the segment persisted from the same index. Runs without any lock of the index. Stateless.
 */
final class IndexSegmentBuilder {

	private IndexSegmentBuilder() {
	}

	static InMemorySegment build(IndexSnapshot snapshot, SegmentId id) {
		int rows = snapshot.rowCount();
		for (int row = 0; row < rows; row++) {
			if (!id.interval().contains(snapshot.time(row))) {
				throw new StrataException(ErrorCode.ROW_OUT_OF_INTERVAL,
						"Row time is outside the interval of segment[" + id + "]");
			}
		}
		IndexRowOrder layout = IndexRowOrder.of(snapshot, List.of());
		int[] order = layout.rows();

		NumericColumnBuilder time = new NumericColumnBuilder(ColumnType.LONG);
		for (int row : order) {
			time.addLong(snapshot.time(row));
		}
		List<NamedColumn> dimensions = new ArrayList<>();
		List<DimensionSchema> schemas = layout.dimensions();
		for (int d = 0; d < schemas.size(); d++) {
			int position = layout.position(d);
			StringRanks ranks = layout.ranks(d);
			String name = schemas.get(d).name();
			if (ranks != null) {
				dimensions.add(new NamedColumn(name, strings(snapshot, position, ranks, order)));
			}
			else {
				NumericColumnBuilder numbers = new NumericColumnBuilder(schemas.get(d).type());
				for (int row : order) {
					switch (snapshot.number(position, snapshot.slot(row, position))) {
						case null -> numbers.addNull();
						case Long number -> numbers.addLong(number);
						case Number number -> numbers.addDouble(number.doubleValue());
						default -> throw StrataException.defensive("Numeric dimension[%s] holds no number", name);
					}
				}
				dimensions.add(new NamedColumn(name, numbers.build()));
			}
		}
		List<AggregatorSpec> aggregators = snapshot.aggregators();
		List<NamedColumn> metrics = new ArrayList<>();
		for (int m = 0; m < aggregators.size(); m++) {
			metrics.add(new NamedColumn(aggregators.get(m).name(), metric(snapshot, m, order)));
		}
		return new InMemorySegment(id, snapshot.rollup(), snapshot.queryGranularity(), time.build(), dimensions,
				metrics, aggregators);
	}

	private static InMemoryColumn strings(IndexSnapshot snapshot, int position,
			StringRanks ranks, int[] order) {
		StringColumnBuilder builder = new StringColumnBuilder();
		for (int row : order) {
			int slot = snapshot.slot(row, position);
			if (slot >= 0) {
				builder.add(snapshot.value(position, slot));
			}
			else {
				int[] combination = ranks.combination(slot);
				List<String> values = new ArrayList<>(combination.length);
				for (int id : combination) {
					values.add(snapshot.value(position, id));
				}
				builder.addMulti(values);
			}
		}
		return builder.build();
	}

	private static InMemoryColumn metric(IndexSnapshot snapshot, int metric,
			int[] order) {
		AggregatorSpec aggregator = snapshot.aggregators().get(metric);
		IndexSnapshot.MetricCopy copy = snapshot.metric(metric);
		ColumnType type = aggregator.storedType();
		if (type.isSketch()) {
			SketchColumnBuilder sketches = new SketchColumnBuilder(aggregator);
			for (int row : order) {
				sketches.add(copy.sketches()[row]);
			}
			return sketches.build();
		}
		NumericColumnBuilder numbers = new NumericColumnBuilder(type);
		for (int row : order) {
			if (copy.nulls().get(row)) {
				numbers.addNull();
			}
			else if (type == ColumnType.LONG) {
				numbers.addLong(copy.longs()[row]);
			}
			else {
				numbers.addDouble(copy.doubles()[row]);
			}
		}
		return numbers.build();
	}

}
