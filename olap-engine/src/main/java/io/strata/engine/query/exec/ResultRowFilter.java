package io.strata.engine.query.exec;

import io.strata.engine.expr.ExprEvaluator;
import io.strata.engine.expr.ExprValue;
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
import java.util.List;
import java.util.Map;

/**
 * Tests a query filter on one finalized result row, as Druid's {@code filter} having spec does: the
 * row's columns are its dimensions, aggregators and post-aggregators by output name, a name the row
 * lacks is null, and logic is three-valued as on segments (the row matches only when the filter is
 * true). A number compared for equality with a selector or in value compares as a number, so
 * {@code "4"} matches a count of 4 and a sum of 4.0; other tests see a number's Java text, as Druid's
 * row-based selectors give it. Stateless.
 */
final class ResultRowFilter {

	private ResultRowFilter() {
	}

	static boolean matches(DimFilter filter, Map<String, Object> row) {
		return truth(filter, row) == ValueTest.Truth.TRUE;
	}

	private static ValueTest.Truth truth(DimFilter filter, Map<String, Object> row) {
		return switch (filter) {
			case TrueFilter all -> ValueTest.Truth.TRUE;
			case FalseFilter none -> ValueTest.Truth.FALSE;
			case SelectorFilter selector -> equality(row.get(selector.dimension()), selector.extractionFn(),
					Collections.singletonList(selector.value()));
			case InFilter in -> equality(row.get(in.dimension()), in.extractionFn(), in.values());
			case BoundFilter bound -> text(row.get(bound.dimension()), bound.extractionFn(), ValueTest.within(bound));
			case NullFilter isNull -> ValueTest.Truth.of(row.get(isNull.column()) == null);
			case LikeFilter like -> text(row.get(like.dimension()), like.extractionFn(),
					ValueTest.matches(like.toRegex()));
			case RegexFilter regex -> text(row.get(regex.dimension()), regex.extractionFn(),
					ValueTest.finds(regex.pattern()));
			case SearchFilter search -> text(row.get(search.dimension()), search.extractionFn(),
					ValueTest.accepts(search.query()));
			case IntervalFilter interval -> text(row.get(interval.dimension()), interval.extractionFn(),
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

	/** Selector and in: a number without extraction equals a wanted value that is the same number. */
	private static ValueTest.Truth equality(Object value, ExtractionFn fn, List<String> wanted) {
		if (!(value instanceof Number number) || fn != null) {
			return text(value, fn, ValueTest.oneOf(wanted));
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
		if (fn == null) {
			return test.test(value == null ? null : value.toString());
		}
		if (value instanceof Long whole) {
			return test.test(fn.apply(whole.longValue()));
		}
		return test.test(fn.apply(value == null ? null : value.toString()));
	}

	/** True when the expression is, unknown when it is null. */
	private static ValueTest.Truth expression(ExpressionFilter filter, Map<String, Object> row) {
		ExprEvaluator evaluator = new ExprEvaluator(filter.parsed());
		for (int i = 0; i < evaluator.inputs().size(); i++) {
			evaluator.input(i).setObject(row.get(evaluator.inputs().get(i)));
		}
		ExprValue value = evaluator.evaluate();
		return value.isNull() ? ValueTest.Truth.UNKNOWN : ValueTest.Truth.of(value.asBoolean());
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
