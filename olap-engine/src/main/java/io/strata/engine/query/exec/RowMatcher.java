package io.strata.engine.query.exec;

import io.strata.engine.expr.ExprValue;
import io.strata.engine.expr.RowExpression;
import io.strata.engine.query.extraction.ExtractionFn;
import io.strata.engine.query.filter.AndFilter;
import io.strata.engine.query.filter.BoundFilter;
import io.strata.engine.query.filter.DimFilter;
import io.strata.engine.query.filter.ExpressionFilter;
import io.strata.engine.query.filter.FalseFilter;
import io.strata.engine.query.filter.InFilter;
import io.strata.engine.query.filter.IntervalFilter;
import io.strata.engine.query.filter.LikeFilter;
import io.strata.engine.query.filter.NotFilter;
import io.strata.engine.query.filter.NullFilter;
import io.strata.engine.query.filter.OrFilter;
import io.strata.engine.query.filter.RegexFilter;
import io.strata.engine.query.filter.SearchFilter;
import io.strata.engine.query.filter.SelectorFilter;
import io.strata.engine.query.filter.TrueFilter;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Tests a query filter on one row given as values by column name, where segments answer filters from
 * their indexes: a finalized groupBy result row (Druid's {@code filter} having spec) or an input row
 * being ingested (a {@code transformSpec} filter). A name the row lacks is null, and logic is
 * three-valued as on segments: the row matches only when the filter is true. Tests other than
 * selector and in equality see a number's Java text, as Druid's row-based selectors give it. A list
 * value (a multi-value field) answers a test as its values do: true when one is, else unknown when
 * one is; an empty list is null. An expression filter is evaluated once per combination of list
 * values and is true when one is. Build one per filter and thread: expression filters keep their
 * evaluators, so it is not thread-safe.
 */
public final class RowMatcher {

	/** How selector and in filters compare a number of the row with their values. */
	public enum NumberEquality {

		/**
		 * As numbers, so {@code "4"} matches a count of 4 and a sum of 4.0: for result rows, whose
		 * values are typed (Druid's having filters).
		 */
		NUMERIC,

		/**
		 * As the number's Java text, so {@code "4"} matches 4 but not 4.0: for input rows, which Druid's
		 * transformSpec filter reads without a type.
		 */
		TEXT

	}

	private final DimFilter filter;

	private final NumberEquality numbers;

	/** Expression filters by identity: equal filters at two places of the tree may share one anyway. */
	private final Map<ExpressionFilter, RowExpression> expressions = new IdentityHashMap<>();

	public RowMatcher(DimFilter filter, NumberEquality numbers) {
		this.filter = Objects.requireNonNull(filter, "filter");
		this.numbers = Objects.requireNonNull(numbers, "numbers");
	}

	/**
	 * @param row the value of each column name: null when the row lacks it
	 * @throws io.strata.engine.error.StrataException INVALID_ARGUMENT when an expression filter
	 * cannot be evaluated on the row
	 */
	public boolean matches(Function<String, ?> row) {
		return truth(this.filter, row) == ValueTest.Truth.TRUE;
	}

	private ValueTest.Truth truth(DimFilter filter, Function<String, ?> row) {
		return switch (filter) {
			case TrueFilter all -> ValueTest.Truth.TRUE;
			case FalseFilter none -> ValueTest.Truth.FALSE;
			case SelectorFilter selector -> anyValue(row.apply(selector.dimension()),
					value -> equality(value, selector.extractionFn(), Collections.singletonList(selector.value())));
			case InFilter in -> anyValue(row.apply(in.dimension()), value -> equality(value, in.extractionFn(), in.values()));
			case BoundFilter bound -> text(row.apply(bound.dimension()), bound.extractionFn(), ValueTest.within(bound));
			case NullFilter isNull -> anyValue(row.apply(isNull.column()), value -> ValueTest.Truth.of(value == null));
			case LikeFilter like -> text(row.apply(like.dimension()), like.extractionFn(),
					ValueTest.matches(like.toRegex()));
			case RegexFilter regex -> text(row.apply(regex.dimension()), regex.extractionFn(),
					ValueTest.finds(regex.pattern()));
			case SearchFilter search -> text(row.apply(search.dimension()), search.extractionFn(),
					ValueTest.accepts(search.query()));
			case IntervalFilter interval -> text(row.apply(interval.dimension()), interval.extractionFn(),
					ValueTest.inIntervals(interval));
			case ExpressionFilter expression -> expression(expression, row);
			case AndFilter and -> {
				ValueTest.Truth result = ValueTest.Truth.TRUE;
				for (DimFilter field : and.fields()) {
					ValueTest.Truth part = truth(field, row);
					if (part == ValueTest.Truth.FALSE) {
						yield part;
					}
					if (part == ValueTest.Truth.UNKNOWN) {
						result = part;
					}
				}
				yield result;
			}
			case OrFilter or -> {
				ValueTest.Truth result = ValueTest.Truth.FALSE;
				for (DimFilter field : or.fields()) {
					ValueTest.Truth part = truth(field, row);
					if (part == ValueTest.Truth.TRUE) {
						yield part;
					}
					if (part == ValueTest.Truth.UNKNOWN) {
						result = part;
					}
				}
				yield result;
			}
			case NotFilter not -> switch (truth(not.field(), row)) {
				case TRUE -> ValueTest.Truth.FALSE;
				case FALSE -> ValueTest.Truth.TRUE;
				case UNKNOWN -> ValueTest.Truth.UNKNOWN;
			};
		};
	}

	/** A scalar as it is; a list true when one of its values is, else unknown when one is; empty as null. */
	private static ValueTest.Truth anyValue(Object value, Function<Object, ValueTest.Truth> test) {
		if (!(value instanceof List<?> list)) {
			return test.apply(value);
		}
		if (list.isEmpty()) {
			return test.apply(null);
		}
		ValueTest.Truth result = ValueTest.Truth.FALSE;
		for (Object element : list) {
			ValueTest.Truth truth = test.apply(element);
			if (truth == ValueTest.Truth.TRUE) {
				return truth;
			}
			if (truth == ValueTest.Truth.UNKNOWN) {
				result = truth;
			}
		}
		return result;
	}

	/** Selector and in: with numeric equality, a number equals a wanted value that is the same number. */
	private ValueTest.Truth equality(Object value, ExtractionFn fn, List<String> wanted) {
		if (this.numbers == NumberEquality.TEXT || !(value instanceof Number number) || fn != null) {
			return single(value, fn, ValueTest.oneOf(wanted));
		}
		BigDecimal actual = decimal(number.toString());
		for (String candidate : wanted) {
			BigDecimal parsed = candidate == null ? null : decimal(candidate.trim());
			if (actual != null && parsed != null && actual.compareTo(parsed) == 0) {
				return ValueTest.Truth.TRUE;
			}
		}
		return ValueTest.Truth.FALSE;
	}

	private static ValueTest.Truth text(Object value, ExtractionFn fn, ValueTest test) {
		return anyValue(value, single -> single(single, fn, test));
	}

	private static ValueTest.Truth single(Object value, ExtractionFn fn, ValueTest test) {
		if (fn == null) {
			return test.test(value == null ? null : value.toString());
		}
		if (value instanceof Long whole) {
			return test.test(fn.apply(whole.longValue()));
		}
		return test.test(fn.apply(value == null ? null : value.toString()));
	}

	/** True when the expression is for one combination of the row's values, else unknown when it is null. */
	private ValueTest.Truth expression(ExpressionFilter filter, Function<String, ?> row) {
		RowExpression expression = this.expressions.computeIfAbsent(filter,
				key -> new RowExpression(key.parsed()));
		int combinations = expression.bind(row);
		boolean anyNull = false;
		for (int c = 0; c < combinations; c++) {
			ExprValue value = expression.evaluate(c);
			if (value.asBoolean()) {
				return ValueTest.Truth.TRUE;
			}
			anyNull |= value.isNull();
		}
		return anyNull ? ValueTest.Truth.UNKNOWN : ValueTest.Truth.FALSE;
	}

	/** The number a text spells (NaN and infinities are not numbers here), or null. */
	private static BigDecimal decimal(String text) {
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
