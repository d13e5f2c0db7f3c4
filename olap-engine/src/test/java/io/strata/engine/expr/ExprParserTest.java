package io.strata.engine.expr;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsing: literals, identifiers, Druid's precedence and associativity, and errors with positions. */
class ExprParserTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			// unary binds tighter than power, so -2^2 is (-2)^2; power is right-associative
			"-2^2|(-2 ^ 2)", "2^3^2|(2 ^ (3 ^ 2))", "-x^2|(-\"x\" ^ 2)", "!x && y|(!\"x\" && \"y\")",
			"1 + 2 * 3|(1 + (2 * 3))", "(1 + 2) * 3|((1 + 2) * 3)", "1 - 2 - 3|((1 - 2) - 3)",
			"8 / 4 % 3|((8 / 4) % 3)", "2 * 3 ^ 2|(2 * (3 ^ 2))", "a + b < c * d|((\"a\" + \"b\") < (\"c\" * \"d\"))",
			"a < b == c|((\"a\" < \"b\") == \"c\")",
			"a == 1 && b != 'x'|((\"a\" == 1) && (\"b\" != 'x'))", "2^-1|(2 ^ -1)", "- -3|3", "x - -3|(\"x\" - -3)",
			"1.5e2 + .5|(150.0 + 0.5)", "\"odd name\" * 2|(\"odd name\" * 2)", "if(a > 1, 'y', null)|if((\"a\" > 1), 'y', null)",
			"'it\\'s'|'it\\'s'", "-9223372036854775808|-9223372036854775808", "concat()|concat()" })
	void parsesWithDruidsPrecedence(String text, String expected) {
		assertThat(ExprParser.parse(text).toString()).isEqualTo(expected);
	}

	@Test
	void andAndOrShareOneLevelLeftToRightAsInDruidsGrammar() {
		assertThat(ExprParser.parse("a || b && c").toString()).isEqualTo("((\"a\" || \"b\") && \"c\")");
		assertThat(ExprParser.parse("a && b || c").toString()).isEqualTo("((\"a\" && \"b\") || \"c\")");
	}

	@Test
	void literalsHaveTheirTypes() {
		assertThat(ExprParser.parse("12")).isEqualTo(new Expr.LongLiteral(12));
		assertThat(ExprParser.parse("12.")).isEqualTo(new Expr.DoubleLiteral(12));
		assertThat(ExprParser.parse("-1.25")).isEqualTo(new Expr.DoubleLiteral(-1.25));
		assertThat(ExprParser.parse("'a\\tb\\u0041'")).isEqualTo(new Expr.StringLiteral("a\tbA"));
		assertThat(ExprParser.parse("null")).isEqualTo(new Expr.NullLiteral());
		assertThat(ExprParser.parse("\"null\"")).isEqualTo(new Expr.Identifier("null"));
		assertThat(ExprParser.parse("$a_1")).isEqualTo(new Expr.Identifier("$a_1"));
		assertThat(((Expr.DoubleLiteral) ExprParser.parse("NaN")).value()).isNaN();
	}

	@Test
	void columnsAreListedOnceInOrderOfAppearance() {
		assertThat(ExprParser.parse("b + a * b + if(c, \"__time\", 'd')").columns())
			.isEqualTo(List.of("b", "a", "c", "__time"));
		assertThat(ExprParser.parse("1 + 2").columns()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = { "1 +|3|the expression ends where a value was expected",
			"(1 + 2|6|expected ')' but found the end", "1 2|2|unexpected '2' after a complete expression",
			"'abc|0|unterminated string", "a # b|2|unexpected character '#'", "foo(1)|0|function[foo] is not supported",
			"substring('a', 1)|0|function[substring] needs 3 arguments, not 2",
			"if(a, b)|0|function[if] needs 3 arguments, not 2", "like(a, b)|0|function[like] pattern must be a string literal",
			"like(a, 'x', 'ab')|0|escape must be a single character",
			"cast(a, 'BOOLEAN')|0|type[BOOLEAN] is unknown", "cast(a, 'ARRAY<LONG>')|0|array types are not supported yet",
			"timestamp_extract(__time, 'FORTNIGHT')|0|unit[FORTNIGHT] is unknown",
			"timestamp_extract(__time, 'HOUR', 'Mars/Olympus')|0|time zone[Mars/Olympus] is unknown",
			"timestamp_floor(__time, 'P1X')|0|period[P1X] is invalid", "99999999999999999999|0|is out of range",
			"[1, 2]|0|array literals are not supported yet", "|0|the expression is empty", "1 + 2)|5|unexpected ')'",
			"case_searched(a)|0|needs at least 2 arguments", "f(|0|function[f] is not supported",
			"1e|1|exponent without digits", "x.y|1|unexpected character '.'" })
	void errorsNameTheExpressionAndThePosition(String text, int position, String problem) {
		String expression = text == null ? "" : text;
		assertThatThrownBy(() -> ExprParser.parse(expression)).isInstanceOfSatisfying(StrataException.class, ex -> {
			assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
			assertThat(ex.getMessage()).startsWith("Expression[" + expression + "] is invalid at position[" + position + "]")
				.contains(problem);
		});
	}

}
