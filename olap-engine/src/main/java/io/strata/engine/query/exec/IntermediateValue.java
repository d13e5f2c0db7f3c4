package io.strata.engine.query.exec;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.aggregation.HllSketchAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.aggregation.QuantilesSketchAggregatorSpec;
import io.strata.engine.aggregation.SketchCodec;
import io.strata.engine.aggregation.ThetaSketchAggregatorSpec;
import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.type.ColumnType;
import tools.jackson.databind.JsonNode;

import java.util.Base64;

/**
 * An aggregator's value before finalization, as a data server sends it to the broker when the
 * query context says {@code finalize: false}, and its way back into an {@link AggregateState}:
 * counts, sums, mins and maxes as numbers (null when nothing was aggregated), sketches as Base64
 * of DataSketches' compact serialization (an empty sketch when nothing was aggregated), as Druid's
 * sketch JSON serializers write them. Stateless.
 */
final class IntermediateValue {

	private IntermediateValue() {
	}

	/** The intermediate value of {@code state}: a Long, Float, Double, Base64 String or null. */
	static Object of(AggregateState state) {
		return switch (state.spec) {
			case CountAggregatorSpec count -> state.finalValue();
			case NumericAggregatorSpec numeric -> state.finalValue();
			case HllSketchAggregatorSpec hll -> sketch(state);
			case ThetaSketchAggregatorSpec theta -> sketch(state);
			case QuantilesSketchAggregatorSpec quantiles -> sketch(state);
		};
	}

	private static String sketch(AggregateState state) {
		Object sketch = state.sketch();
		SketchCodec codec = state.codec();
		return Base64.getEncoder().encodeToString(codec.serialize(sketch == null ? codec.newSketch() : sketch));
	}

	/**
	 * A state holding what {@code value} (written by {@link #of}) says, mergeable with states
	 * built from rows.
	 * @param where names the value in error messages (answer and path)
	 * @throws StrataException when the value does not fit the aggregator
	 */
	static AggregateState read(AggregatorSpec spec, JsonNode value, String where) {
		AggregateState state = new AggregateState(spec);
		if (value == null || value.isNull()) {
			return state;
		}
		switch (spec) {
			case CountAggregatorSpec count -> state.addLong(number(value, where).longValue());
			case NumericAggregatorSpec numeric -> {
				Number number = number(value, where);
				if (numeric.aggregation().type() == ColumnType.LONG) {
					state.addLong(number.longValue());
				}
				else {
					state.addDouble(number.doubleValue());
				}
			}
			case HllSketchAggregatorSpec hll -> state.addSketch(sketch(state.codec(), value, where));
			case ThetaSketchAggregatorSpec theta -> state.addSketch(sketch(state.codec(), value, where));
			case QuantilesSketchAggregatorSpec quantiles -> state.addSketch(sketch(state.codec(), value, where));
		}
		return state;
	}

	private static Number number(JsonNode value, String where) {
		if (!value.isNumber()) {
			throw malformed(where, "is not a number");
		}
		return value.numberValue();
	}

	private static Object sketch(SketchCodec codec, JsonNode value, String where) {
		if (!value.isString()) {
			throw malformed(where, "is not a Base64 sketch");
		}
		try {
			return codec.deserialize(Base64.getDecoder().decode(value.stringValue()));
		}
		catch (RuntimeException ex) {
			// DataSketches throws its own exceptions (and sometimes index errors) for bytes that are no sketch
			throw malformed(where, "is not a valid " + codec.type().druidName() + " sketch");
		}
	}

	static StrataException malformed(String where, String problem) {
		return new StrataException(ErrorCode.UNKNOWN, "Data server answer " + where + " " + problem);
	}

}
