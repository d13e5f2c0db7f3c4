package io.strata.engine.expr;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.time.IsoTime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Evaluation of every operator and function, with Druid's SQL-compatible null handling. Expected
 * values are worked out by hand or with java.time, never taken from the evaluator.
 */
class ExprEvaluatorTest {

	/** Evaluates with bindings given as name, value pairs. */
	private static Object eval(String text, Object... bindings) {
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < bindings.length; i += 2) {
			values.put((String) bindings[i], bindings[i + 1]);
		}
		return new ExprEvaluator(ExprParser.parse(text)).evaluate(values);
	}

	private static void fails(String text, String problem, Object... bindings) {
		assertThatThrownBy(() -> eval(text, bindings)).isInstanceOfSatisfying(StrataException.class, ex -> {
			assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
			assertThat(ex.getMessage()).contains("cannot be evaluated").contains(problem);
		});
	}

	@Test
	void arithmeticKeepsLongsAndWidensToDoubles() {
		assertThat(eval("1 + 2 * 3")).isEqualTo(7L);
		assertThat(eval("7 / 2")).isEqualTo(3L);
		assertThat(eval("-7 / 2")).isEqualTo(-3L);
		assertThat(eval("7 % 3")).isEqualTo(1L);
		assertThat(eval("7.0 / 2")).isEqualTo(3.5);
		assertThat(eval("2 ^ 10")).isEqualTo(1024L);
		assertThat(eval("-2 ^ 2")).isEqualTo(4L);
		assertThat(eval("2 ^ -1.0")).isEqualTo(0.5);
		assertThat(eval("1.0 / 0")).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(eval("5.5 % 2")).isEqualTo(1.5);
		assertThat(eval("9223372036854775807 + 1")).isEqualTo(Long.MIN_VALUE);
		assertThat(eval("x * 2 + y", "x", 4L, "y", 0.5)).isEqualTo(8.5);
		assertThat(eval("-x", "x", 3L)).isEqualTo(-3L);
		assertThat(eval("-x", "x", 2.5)).isEqualTo(-2.5);
	}

	@Test
	void stringsConcatenateWithPlusAndOtherwiseReadAsNumbers() {
		assertThat(eval("'a' + 'b'")).isEqualTo("ab");
		assertThat(eval("s + 1", "s", "3")).isEqualTo(4.0);
		assertThat(eval("s * 2", "s", "1.5")).isEqualTo(3.0);
		// a string that is not a number is a numeric null
		assertThat(eval("s + 1", "s", "abc")).isNull();
		fails("'a' - 'b'", "operator '-' is not supported on type STRING");
		fails("-s", "unary minus is not supported on type STRING", "s", "x");
	}

	@Test
	void divisionOfLongsByZeroFails() {
		fails("x / 0", "division by zero", "x", 1L);
		fails("x % 0", "modulo by zero", "x", 1L);
		fails("2 ^ -1", "negative LONG power");
	}

	@Test
	void nullMakesArithmeticAndComparisonsNull() {
		assertThat(eval("x + 1")).isNull();
		assertThat(eval("x * 2.5", "x", null)).isNull();
		assertThat(eval("null + 'a'")).isNull();
		assertThat(eval("x == 1")).isNull();
		assertThat(eval("null == null")).isNull();
		assertThat(eval("x < 'a'")).isNull();
		assertThat(eval("-x")).isNull();
		assertThat(eval("!x")).isNull();
		assertThat(eval("s < 1", "s", "abc")).isNull();
	}

	@Test
	void comparisonsGiveLongBooleans() {
		assertThat(eval("1 < 2")).isEqualTo(1L);
		assertThat(eval("2 <= 1")).isEqualTo(0L);
		assertThat(eval("2 == 2.0")).isEqualTo(1L);
		assertThat(eval("3 != 3")).isEqualTo(0L);
		assertThat(eval("'b' > 'a'")).isEqualTo(1L);
		assertThat(eval("'b' >= 'b'")).isEqualTo(1L);
		// two strings compare as strings, a string and a number as numbers
		assertThat(eval("'10' < '9'")).isEqualTo(1L);
		assertThat(eval("s < 9", "s", "10")).isEqualTo(0L);
		assertThat(eval("0.1 + 0.2 == 0.3")).isEqualTo(0L);
	}

	@Test
	void logicIsThreeValuedAsDruidDocumentsIt() {
		assertThat(eval("1 && x")).isNull();
		assertThat(eval("x && 1")).isNull();
		assertThat(eval("x && y")).isNull();
		assertThat(eval("0 && x")).isEqualTo(0L);
		assertThat(eval("x && 0")).isEqualTo(0L);
		assertThat(eval("1 || x")).isEqualTo(1L);
		assertThat(eval("x || 1")).isEqualTo(1L);
		assertThat(eval("0 || x")).isNull();
		assertThat(eval("x || 0")).isNull();
		assertThat(eval("x || y")).isNull();
		assertThat(eval("100 && 11")).isEqualTo(1L);
		assertThat(eval("0.7 || 0.3")).isEqualTo(1L);
		assertThat(eval("100 && 0")).isEqualTo(0L);
		assertThat(eval("'troo' && 'true'")).isEqualTo(0L);
		assertThat(eval("'troo' || 'TRUE'")).isEqualTo(1L);
		// only numbers above zero are true
		assertThat(eval("-1 || 0")).isEqualTo(0L);
		assertThat(eval("!0")).isEqualTo(1L);
		assertThat(eval("!2.5")).isEqualTo(0L);
		assertThat(eval("!'true'")).isEqualTo(0L);
		// the right side is not evaluated when the left decides
		assertThat(eval("0 && (1 / 0)")).isEqualTo(0L);
		assertThat(eval("1 || (1 / 0)")).isEqualTo(1L);
	}

	@Test
	void conditionalsReturnTheChosenValue() {
		assertThat(eval("if(x > 1, 'big', 'small')", "x", 5L)).isEqualTo("big");
		assertThat(eval("if(x > 1, 'big', 'small')", "x", 1L)).isEqualTo("small");
		assertThat(eval("if(x, 1, 2)")).isEqualTo(2L);
		assertThat(eval("if(-3, 1, 2.5)")).isEqualTo(2.5);
		assertThat(eval("case_searched(x < 10, 'low', x < 100, 'mid', 'high')", "x", 50L)).isEqualTo("mid");
		assertThat(eval("case_searched(x < 10, 'low', x < 100, 'mid', 'high')", "x", 500L)).isEqualTo("high");
		assertThat(eval("case_searched(x < 10, 'low', x < 100, 'mid')", "x", 500L)).isNull();
		assertThat(eval("case_searched(x < 10, 'low', 'other')")).isEqualTo("other");
		assertThat(eval("case_simple(s, 'a', 1, 'b', 2, 3)", "s", "b")).isEqualTo(2L);
		assertThat(eval("case_simple(s, 'a', 1, 'b', 2, 3)", "s", "z")).isEqualTo(3L);
		assertThat(eval("case_simple(s, 'a', 1, 'b', 2)", "s", "z")).isNull();
		// null equals nothing, not even null
		assertThat(eval("case_simple(s, null, 1, 2)")).isEqualTo(2L);
		assertThat(eval("case_simple(x, 1, 'one', 2.0, 'two')", "x", 2L)).isEqualTo("two");
		assertThat(eval("nvl(x, 'd')")).isEqualTo("d");
		assertThat(eval("nvl(x, 'd')", "x", 7L)).isEqualTo(7L);
		assertThat(eval("nvl(x, y)")).isNull();
		assertThat(eval("isnull(x)")).isEqualTo(1L);
		assertThat(eval("isnull(x)", "x", "")).isEqualTo(0L);
		assertThat(eval("notnull(x)", "x", 0L)).isEqualTo(1L);
		assertThat(eval("notnull(x + 1)")).isEqualTo(0L);
	}

	@Test
	void stringFunctions() {
		assertThat(eval("concat(a, '-', b)", "a", "x", "b", 3L)).isEqualTo("x-3");
		assertThat(eval("concat(a, '-', 2.5)", "a", "x")).isEqualTo("x-2.5");
		assertThat(eval("concat(a, '-', b)", "a", "x")).isNull();
		assertThat(eval("concat()")).isNull();
		assertThat(eval("concat('', '')")).isEqualTo("");
		assertThat(eval("substring('abcdef', 1, 3)")).isEqualTo("bcd");
		assertThat(eval("substring('abcdef', 4, 10)")).isEqualTo("ef");
		assertThat(eval("substring('abcdef', 2, -1)")).isEqualTo("cdef");
		assertThat(eval("substring('abc', 3, 1)")).isNull();
		assertThat(eval("substring(s, 0, 1)")).isNull();
		fails("substring('abc', -1, 1)", "substring index must not be negative");
		assertThat(eval("strlen('héllo')")).isEqualTo(5L);
		assertThat(eval("strlen(12345)")).isEqualTo(5L);
		assertThat(eval("strlen(s)")).isNull();
		assertThat(eval("lower('AbC')")).isEqualTo("abc");
		assertThat(eval("upper(s)", "s", "abc")).isEqualTo("ABC");
		assertThat(eval("upper(s)")).isNull();
	}

	@Test
	void likeMatchesTheWholeStringWithSqlWildcards() {
		assertThat(eval("like(s, 'ab%')", "s", "abc")).isEqualTo(1L);
		assertThat(eval("like(s, 'ab%')", "s", "xabc")).isEqualTo(0L);
		assertThat(eval("like(s, '_b_')", "s", "abc")).isEqualTo(1L);
		assertThat(eval("like(s, '_b_')", "s", "abcd")).isEqualTo(0L);
		assertThat(eval("like(s, '%.%')", "s", "a.b")).isEqualTo(1L);
		assertThat(eval("like(s, '%.%')", "s", "ab")).isEqualTo(0L);
		assertThat(eval("like(s, '100!%', '!')", "s", "100%")).isEqualTo(1L);
		assertThat(eval("like(s, '100!%', '!')", "s", "1000")).isEqualTo(0L);
		assertThat(eval("like(s, '%\n%')", "s", "a\nb")).isEqualTo(1L);
		assertThat(eval("like(s, 'a%')")).isNull();
	}

	@Test
	void castsConvertAsDruid() {
		assertThat(eval("cast(x, 'LONG')", "x", 2.9)).isEqualTo(2L);
		assertThat(eval("cast(x, 'long')", "x", "42")).isEqualTo(42L);
		assertThat(eval("cast(x, 'LONG')", "x", "4.5")).isEqualTo(4L);
		assertThat(eval("cast(x, 'LONG')", "x", "abc")).isNull();
		assertThat(eval("cast(x, 'DOUBLE')", "x", 3L)).isEqualTo(3.0);
		assertThat(eval("cast(x, 'STRING')", "x", 3L)).isEqualTo("3");
		assertThat(eval("cast(x, 'STRING')", "x", 3.0)).isEqualTo("3.0");
		assertThat(eval("cast(x, 'STRING')")).isNull();
		assertThat(eval("cast('7', 'LONG') + 1")).isEqualTo(8L);
	}

	@Test
	void absGreatestAndLeast() {
		assertThat(eval("abs(-3)")).isEqualTo(3L);
		assertThat(eval("abs(x)", "x", -2.5)).isEqualTo(2.5);
		assertThat(eval("abs(x)")).isNull();
		assertThat(eval("abs('-3')")).isNull();
		assertThat(eval("greatest(1, 5, 3)")).isEqualTo(5L);
		assertThat(eval("least(1, 5, 3)")).isEqualTo(1L);
		assertThat(eval("greatest(1, 2.5)")).isEqualTo(2.5);
		assertThat(eval("least(x, 4, y)", "y", 7L)).isEqualTo(4L);
		assertThat(eval("greatest(x, y)")).isNull();
		assertThat(eval("greatest()")).isNull();
		// any string makes it a comparison of strings
		assertThat(eval("greatest(10, '9')")).isEqualTo("9");
		assertThat(eval("least('b', 'a', x)")).isEqualTo("a");
	}

	@Test
	void timestampFloorUsesPeriodsOriginsAndZones() {
		long time = IsoTime.parse("2026-03-14T15:09:26.535Z");
		assertThat(eval("timestamp_floor(t, 'PT1H')", "t", time)).isEqualTo(IsoTime.parse("2026-03-14T15:00:00Z"));
		assertThat(eval("timestamp_floor(t, 'P1D')", "t", time)).isEqualTo(IsoTime.parse("2026-03-14T00:00:00Z"));
		assertThat(eval("timestamp_floor(t, 'P1M')", "t", time)).isEqualTo(IsoTime.parse("2026-03-01T00:00:00Z"));
		assertThat(eval("timestamp_floor(t, 'P3M')", "t", time)).isEqualTo(IsoTime.parse("2026-01-01T00:00:00Z"));
		// weeks start on Monday: 2026-03-14 is a Saturday
		assertThat(eval("timestamp_floor(t, 'P1W')", "t", time)).isEqualTo(IsoTime.parse("2026-03-09T00:00:00Z"));
		assertThat(eval("timestamp_floor(t, 'PT1H', '2026-01-01T00:30:00Z')", "t", time))
			.isEqualTo(IsoTime.parse("2026-03-14T14:30:00Z"));
		assertThat(eval("timestamp_floor(t, 'PT1H', 1800000)", "t", time)).isEqualTo(IsoTime.parse("2026-03-14T14:30:00Z"));
		// a day in Los Angeles (UTC-7 in March after the 8th) starts at 07:00 UTC
		assertThat(eval("timestamp_floor(t, 'P1D', null, 'America/Los_Angeles')", "t", time))
			.isEqualTo(IsoTime.parse("2026-03-14T07:00:00Z"));
		assertThat(eval("timestamp_floor(t, 'P1D', null, '+05:30')", "t", time))
			.isEqualTo(IsoTime.parse("2026-03-13T18:30:00Z"));
		assertThat(eval("timestamp_floor(t, p)", "t", time, "p", "PT1M")).isEqualTo(IsoTime.parse("2026-03-14T15:09:00Z"));
		assertThat(eval("timestamp_floor(t, 'PT1H')")).isNull();
		assertThat(eval("timestamp_floor(t, 'PT1H')", "t", "not a time")).isNull();
		fails("timestamp_floor(t, p)", "period[nonsense] is invalid", "t", time, "p", "nonsense");
	}

	@Test
	void timestampExtractMatchesJavaTime() {
		for (String iso : new String[] { "2026-03-14T15:09:26.535Z", "2021-01-03T23:59:59.999Z", "1969-12-31T23:00:00Z",
				"2000-02-29T00:00:00Z" }) {
			long millis = IsoTime.parse(iso);
			for (String zone : new String[] { "UTC", "America/Los_Angeles", "+05:30" }) {
				ZonedDateTime time = Instant.ofEpochMilli(millis).atZone(ZoneId.of(zone));
				String where = "', '" + zone + "')";
				assertThat(eval("timestamp_extract(t, 'EPOCH" + where, "t", millis)).isEqualTo(millis / 1000);
				assertThat(eval("timestamp_extract(t, 'MILLISECOND" + where, "t", millis))
					.isEqualTo((long) time.getNano() / 1_000_000);
				assertThat(eval("timestamp_extract(t, 'SECOND" + where, "t", millis)).isEqualTo((long) time.getSecond());
				assertThat(eval("timestamp_extract(t, 'MINUTE" + where, "t", millis)).isEqualTo((long) time.getMinute());
				assertThat(eval("timestamp_extract(t, 'HOUR" + where, "t", millis)).isEqualTo((long) time.getHour());
				assertThat(eval("timestamp_extract(t, 'DAY" + where, "t", millis)).isEqualTo((long) time.getDayOfMonth());
				assertThat(eval("timestamp_extract(t, 'DOW" + where, "t", millis))
					.isEqualTo((long) time.getDayOfWeek().getValue());
				assertThat(eval("timestamp_extract(t, 'DOY" + where, "t", millis)).isEqualTo((long) time.getDayOfYear());
				assertThat(eval("timestamp_extract(t, 'WEEK" + where, "t", millis))
					.isEqualTo((long) time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
				assertThat(eval("timestamp_extract(t, 'MONTH" + where, "t", millis)).isEqualTo((long) time.getMonthValue());
				assertThat(eval("timestamp_extract(t, 'QUARTER" + where, "t", millis))
					.isEqualTo((long) time.get(IsoFields.QUARTER_OF_YEAR));
				assertThat(eval("timestamp_extract(t, 'YEAR" + where, "t", millis)).isEqualTo((long) time.getYear());
				assertThat(eval("timestamp_extract(t, 'ISOYEAR" + where, "t", millis))
					.isEqualTo((long) time.get(IsoFields.WEEK_BASED_YEAR));
			}
		}
		assertThat(eval("timestamp_extract(t, 'CENTURY')", "t", IsoTime.parse("2001-05-01T00:00:00Z"))).isEqualTo(21.0);
		assertThat(eval("timestamp_extract(t, 'DECADE')", "t", IsoTime.parse("2026-05-01T00:00:00Z"))).isEqualTo(202L);
		assertThat(eval("timestamp_extract(t, 'hour')", "t", "2026-05-01T07:45:00Z")).isEqualTo(7L);
		assertThat(eval("timestamp_extract(t, 'HOUR')")).isNull();
		fails("timestamp_extract(t, 'HOUR')", "needs epoch millis or an ISO-8601 time", "t", "yesterday");
	}

	@Test
	void oneEvaluatorServesManyRowsThroughItsInputs() {
		ExprEvaluator evaluator = new ExprEvaluator(ExprParser.parse("if(a > 2, a * b, nvl(b, -1))"));
		assertThat(evaluator.inputs()).containsExactly("a", "b");
		long[][] rows = { { 3, 4 }, { 1, 5 }, { 5, 6 } };
		long[] expected = { 12, 5, 30 };
		for (int i = 0; i < rows.length; i++) {
			evaluator.input(0).setLong(rows[i][0]);
			evaluator.input(1).setLong(rows[i][1]);
			assertThat(evaluator.evaluate().asLong()).isEqualTo(expected[i]);
		}
		evaluator.input(0).setLong(0);
		evaluator.input(1).setNull(ExprType.LONG);
		assertThat(evaluator.evaluate().toObject()).isEqualTo(-1L);
	}

}
