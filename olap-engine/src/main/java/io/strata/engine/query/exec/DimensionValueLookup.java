package io.strata.engine.query.exec;

import io.strata.engine.query.DimensionSpec;
import io.strata.engine.query.extraction.ExtractionFn;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.time.AllGranularity;
import io.strata.engine.time.Granularity;
import io.strata.engine.type.ColumnType;

/**
 * Turns the stored value of a grouping dimension (as the grouping reader spells it: dictionary
 * text, or the decimal text of a number) into its output value: the spec's extraction function,
 * then its output type. Applied once per group and segment, so a function that maps several
 * values to one merges their groups. A long column reaches the function as a long, {@code __time}
 * first bucketed by the query granularity (Druid's time dimension is the row's time bucket), and a
 * float column as Druid's float text. Single-threaded.
 */
final class DimensionValueLookup {

	private final ExtractionFn fn;

	private final ColumnType columnType;

	private final boolean time;

	private final Granularity granularity;

	private final ColumnType outputType;

	DimensionValueLookup(DimensionSpec spec, Segment segment, Granularity granularity) {
		this.fn = spec.extractionFn();
		this.time = spec.dimension().equals(Segment.TIME_COLUMN);
		ColumnSummary summary = this.time ? segment.metadata().time() : segment.metadata().column(spec.dimension());
		this.columnType = summary == null ? null : summary.type();
		this.granularity = granularity;
		this.outputType = spec.outputType();
	}

	/** @param stored null for the null value */
	String apply(String stored) {
		String value = this.fn == null ? stored : extract(stored);
		return DimensionOutput.canonical(value, this.outputType);
	}

	private String extract(String stored) {
		if (stored == null) {
			return this.fn.apply((String) null);
		}
		if (this.columnType == ColumnType.LONG) {
			long value = Long.parseLong(stored);
			if (this.time && !(this.granularity instanceof AllGranularity)) {
				value = this.granularity.bucketStart(value);
			}
			return this.fn.apply(value);
		}
		if (this.columnType == ColumnType.FLOAT) {
			return this.fn.apply(Float.toString((float) Double.parseDouble(stored)));
		}
		return this.fn.apply(stored);
	}

}
