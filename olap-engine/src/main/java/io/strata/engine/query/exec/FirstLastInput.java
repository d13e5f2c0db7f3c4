package io.strata.engine.query.exec;

import io.strata.engine.aggregation.FirstLastAggregatorSpec;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.type.ColumnType;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * A first/last aggregator on one segment: reads each row's time (from {@code __time} or another
 * LONG column) and value and offers the pair to the state. A missing value column makes every
 * value null; rows with a null or missing time are skipped, as in Druid. On a rolled-up segment
 * the times are the rolled-up rows' truncated times. Single-threaded.
 */
final class FirstLastInput implements RowInput {

	private final NumericValues times;

	private final ImmutableRoaringBitmap timeNulls;

	private final NumericValues values;

	private final ImmutableRoaringBitmap valueNulls;

	private final boolean longs;

	FirstLastInput(FirstLastAggregatorSpec spec, Segment segment) {
		NumericColumn time = numeric(spec, segment, spec.timeColumn(), true);
		NumericColumn value = numeric(spec, segment, spec.fieldName(), false);
		this.times = time == null ? null : time.open();
		this.timeNulls = time == null || time.nullRows().isEmpty() ? null : time.nullRows();
		this.values = value == null ? null : value.open();
		this.valueNulls = value == null || value.nullRows().isEmpty() ? null : value.nullRows();
		this.longs = spec.type() == ColumnType.LONG;
	}

	/** The numeric column {@code name}, or null when the segment does not have it. */
	private static NumericColumn numeric(FirstLastAggregatorSpec spec, Segment segment, String name, boolean time) {
		if (name.equals(Segment.TIME_COLUMN)) {
			return segment.time();
		}
		ColumnSummary column = segment.metadata().column(name);
		if (column == null) {
			return null;
		}
		if (time && column.type() != ColumnType.LONG) {
			throw StrataException.invalidInput("Aggregator[%s] timeColumn[%s] must be a LONG column, not %s",
					spec.name(), name, column.type().druidName());
		}
		if (!column.type().isNumeric()) {
			throw StrataException.unsupported("Aggregator[%s] of type[%s] over column[%s] of type[%s] is not supported",
					spec.name(), spec.typeName(), name, column.type().druidName());
		}
		return segment.numericColumn(name);
	}

	@Override
	public void aggregate(int row, AggregateState state) {
		if (this.times == null || (this.timeNulls != null && this.timeNulls.contains(row))) {
			return;
		}
		long time = this.times.getLong(row);
		if (this.values == null || (this.valueNulls != null && this.valueNulls.contains(row))) {
			state.offerTimed(time, true, 0, 0);
		}
		else if (this.longs) {
			state.offerTimed(time, false, this.values.getLong(row), 0);
		}
		else {
			state.offerTimed(time, false, 0, this.values.getDouble(row));
		}
	}

}
