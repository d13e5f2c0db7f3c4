package io.strata.engine.query.exec;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.CardinalityAggregatorSpec;
import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.aggregation.FilteredAggregatorSpec;
import io.strata.engine.aggregation.FirstLastAggregatorSpec;
import io.strata.engine.aggregation.HyperUniqueAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.aggregation.SketchAggregatorSpec;
import io.strata.engine.aggregation.SketchCodec;
import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.type.ColumnType;
import tools.jackson.databind.JsonNode;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An aggregator's value before finalization, as a data server sends it to the broker when the
 * query context says {@code finalize: false}, and its way back into an {@link AggregateState}:
 * counts, sums, mins and maxes as numbers (null when nothing was aggregated); HLL, theta and
 * quantiles sketches, and the HLL sketches Strata keeps for {@code cardinality} and {@code
 * hyperUnique}, as Base64 of DataSketches' compact serialization (an empty sketch when nothing was
 * aggregated), as Druid's sketch JSON serializers write them; first/last as Druid's pair {@code
 * {"lhs": time, "rhs": value}} (with Druid's sentinel time and a null value when no row was seen);
 * {@code filtered} as its inner aggregator. Stateless.
 */
final class IntermediateValue {

	/** Druid's pair keys: the row time and the value. */
	static final String LHS = "lhs";

	static final String RHS = "rhs";

	private IntermediateValue() {
	}

	/** The intermediate value of {@code state}: a Long, Float, Double, Base64 String, pair map or null. */
	static Object of(AggregateState state) {
		return switch (logic(state.spec)) {
			case CountAggregatorSpec count -> state.finalValue();
			case NumericAggregatorSpec numeric -> state.finalValue();
			case SketchAggregatorSpec sketch -> sketch(state);
			case CardinalityAggregatorSpec cardinality -> sketch(state);
			case HyperUniqueAggregatorSpec hyperUnique -> sketch(state);
			case FirstLastAggregatorSpec firstLast -> {
				Map<String, Object> pair = new LinkedHashMap<>();
				pair.put(LHS, state.hasValue ? state.time() : noTime(firstLast));
				pair.put(RHS, state.hasValue ? state.finalValue() : null);
				yield pair;
			}
			case FilteredAggregatorSpec filtered -> throw StrataException.defensive("filtered is unwrapped above");
		};
	}

	/** The time Druid's first/last pair has before any row: first starts at the end of time, last at its start. */
	private static long noTime(FirstLastAggregatorSpec spec) {
		return spec.last() ? Long.MIN_VALUE : Long.MAX_VALUE;
	}

	/** What computes the value: a {@code filtered} aggregator's intermediate is its inner one's. */
	private static AggregatorSpec logic(AggregatorSpec spec) {
		return spec instanceof FilteredAggregatorSpec filtered ? filtered.unwrapped() : spec;
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
		switch (logic(spec)) {
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
			case SketchAggregatorSpec sketch -> state.addSketch(sketch(state.codec(), value, where));
			case CardinalityAggregatorSpec cardinality -> state.addSketch(sketch(state.codec(), value, where));
			case HyperUniqueAggregatorSpec hyperUnique -> state.addSketch(sketch(state.codec(), value, where));
			case FirstLastAggregatorSpec firstLast -> {
				JsonNode time = value.get(LHS);
				JsonNode kept = value.get(RHS);
				if (!value.isObject() || time == null || !time.isIntegralNumber()) {
					throw malformed(where, "is not a first/last pair {\"lhs\": time, \"rhs\": value}");
				}
				boolean isNull = kept == null || kept.isNull();
				if (isNull && time.longValue() == noTime(firstLast)) {
					break;
				}
				Number number = isNull ? 0L : number(kept, where + "." + RHS);
				state.offerTimed(time.longValue(), isNull, number.longValue(), number.doubleValue());
			}
			case FilteredAggregatorSpec filtered -> throw StrataException.defensive("filtered is unwrapped above");
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
