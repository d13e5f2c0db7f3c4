package io.strata.engine.query.exec;

import io.strata.engine.query.filter.BoundFilter;
import io.strata.engine.query.filter.IntervalFilter;
import io.strata.engine.query.filter.SearchQuerySpec;
import io.strata.engine.time.Interval;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How one value (after any extraction) answers a filter leaf, in three-valued logic: a null value
 * is unknown to every test except those that ask for null. Tests are built once per filter and
 * segment and then asked once per distinct value. Implementations are stateless.
 */
@FunctionalInterface
interface ValueTest {

	/** The answer of a test for one value. */
	enum Truth {

		TRUE, FALSE, UNKNOWN;

		static Truth of(boolean value) {
			return value ? TRUE : FALSE;
		}

	}

	Truth test(String value);

	/** {@code selector}: equal to {@code wanted}; a null wanted matches null values. */
	static ValueTest equalTo(String wanted) {
		if (wanted == null) {
			return value -> Truth.of(value == null);
		}
		return value -> value == null ? Truth.UNKNOWN : Truth.of(wanted.equals(value));
	}

	/** {@code in}: one of {@code wanted}, which may hold null. */
	static ValueTest oneOf(List<String> wanted) {
		boolean wantsNull = wanted.contains(null);
		return value -> value == null ? (wantsNull ? Truth.TRUE : Truth.UNKNOWN) : Truth.of(wanted.contains(value));
	}

	static ValueTest within(BoundFilter bound) {
		return value -> value == null ? Truth.UNKNOWN : Truth.of(FilterResolver.inBound(bound, value));
	}

	/** The whole value matches (like). */
	static ValueTest matches(Pattern pattern) {
		return value -> value == null ? Truth.UNKNOWN : Truth.of(pattern.matcher(value).matches());
	}

	/** The pattern is found somewhere in the value (regex). */
	static ValueTest finds(Pattern pattern) {
		return value -> value == null ? Truth.UNKNOWN : Truth.of(pattern.matcher(value).find());
	}

	static ValueTest accepts(SearchQuerySpec query) {
		return value -> value == null ? Truth.UNKNOWN : Truth.of(query.accept(value));
	}

	/** The value read as a number lies in one of the half-open intervals; text that is no number does not. */
	static ValueTest inIntervals(IntervalFilter filter) {
		List<Interval> intervals = filter.intervals();
		return value -> {
			if (value == null) {
				return Truth.UNKNOWN;
			}
			BigDecimal number;
			try {
				number = new BigDecimal(value.trim());
			}
			catch (NumberFormatException ex) {
				return Truth.FALSE;
			}
			for (Interval interval : intervals) {
				if (number.compareTo(BigDecimal.valueOf(interval.startMillis())) >= 0
						&& number.compareTo(BigDecimal.valueOf(interval.endMillis())) < 0) {
					return Truth.TRUE;
				}
			}
			return Truth.FALSE;
		};
	}

}
