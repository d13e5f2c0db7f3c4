package io.strata.engine.query.extraction;

import io.strata.engine.error.ErrorCategory;
import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import io.strata.engine.time.IsoTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each extraction function on hand-picked values, null and the empty string among them, with the
 * expected outputs worked out from Druid's documented rules; and spec errors naming their field.
 */
class ExtractionFnTest {

	private static ExtractionFn fn(String json) {
		return ExtractionFnJson.read(SpecNode.root(JsonMapper.builder().build().readTree(json), "extractionFn"));
	}

	@Test
	void regexReturnsTheGroupOrTheValueOrTheReplacement() {
		ExtractionFn firstThree = fn("{\"type\": \"regex\", \"expr\": \"(\\\\w\\\\w\\\\w).*\"}");
		assertThat(firstThree.apply("Monday")).isEqualTo("Mon");
		// find, not a whole match: the first run of three word characters after the space
		assertThat(firstThree.apply("  Tuesday")).isEqualTo("Tue");
		// no match: the value as is; null stays null
		assertThat(firstThree.apply("ab")).isEqualTo("ab");
		assertThat(firstThree.apply(null)).isNull();
		assertThat(firstThree.apply("")).isEqualTo("");
		ExtractionFn whole = fn("{\"type\": \"regex\", \"expr\": \"a(b)?c\", \"index\": 0}");
		assertThat(whole.apply("xxacyy")).isEqualTo("ac");
		// a group that took no part gives null
		assertThat(fn("{\"type\": \"regex\", \"expr\": \"a(b)?c\"}").apply("ac")).isNull();
		ExtractionFn replaced = fn("""
				{"type": "regex", "expr": "(a\\\\w+)", "replaceMissingValue": true, "replaceMissingValueWith": "foobar"}""");
		assertThat(replaced.apply("banana")).isEqualTo("anana");
		assertThat(replaced.apply("cherry")).isEqualTo("foobar");
		assertThat(replaced.apply(null)).isEqualTo("foobar");
		assertThat(fn("{\"type\": \"regex\", \"expr\": \"(z)\", \"replaceMissingValue\": true}").apply("cherry")).isNull();
		// a long goes in as its decimal text
		assertThat(fn("{\"type\": \"regex\", \"expr\": \"(\\\\d\\\\d)$\"}").apply(1234L)).isEqualTo("34");
	}

	@Test
	void substringCountsUtf16UnitsAndGivesNullPastTheEnd() {
		ExtractionFn fromOne = fn("{\"type\": \"substring\", \"index\": 1, \"length\": 4}");
		assertThat(fromOne.apply("abcdefg")).isEqualTo("bcde");
		assertThat(fromOne.apply("abc")).isEqualTo("bc");
		assertThat(fromOne.apply("a")).isNull();
		assertThat(fromOne.apply(null)).isNull();
		ExtractionFn rest = fn("{\"type\": \"substring\", \"index\": 3}");
		assertThat(rest.apply("abcdef")).isEqualTo("def");
		assertThat(rest.apply("abc")).isNull();
		// an empty value is no longer than index 0
		assertThat(fn("{\"type\": \"substring\", \"index\": 0}").apply("")).isNull();
	}

	@Test
	void strlenUpperLowerKeepNull() {
		ExtractionFn strlen = fn("{\"type\": \"strlen\"}");
		assertThat(strlen.apply("hello")).isEqualTo("5");
		assertThat(strlen.apply("")).isEqualTo("0");
		assertThat(strlen.apply(null)).isNull();
		// one code point outside the BMP is two UTF-16 units
		assertThat(strlen.apply("\uD83D\uDE00")).isEqualTo("2");
		assertThat(fn("{\"type\": \"upper\"}").apply("straße")).isEqualTo("STRASSE");
		assertThat(fn("{\"type\": \"upper\"}").apply(null)).isNull();
		assertThat(fn("{\"type\": \"lower\"}").apply("ABC")).isEqualTo("abc");
		// Turkish dotted capital I lower-cases to a plain i only outside Turkish
		assertThat(fn("{\"type\": \"lower\", \"locale\": \"tr\"}").apply("I")).isEqualTo("\u0131");
		assertThat(fn("{\"type\": \"lower\"}").apply("I")).isEqualTo("i");
	}

	@Test
	void lookupMapsRetainsOrReplaces() {
		String map = "\"lookup\": {\"type\": \"map\", \"map\": {\"a\": \"A\", \"b\": \"\"}}";
		ExtractionFn missing = fn("{\"type\": \"lookup\", " + map + "}");
		assertThat(missing.apply("a")).isEqualTo("A");
		// SQL-compatible nulls: an empty mapped value is a value
		assertThat(missing.apply("b")).isEqualTo("");
		assertThat(missing.apply("c")).isNull();
		assertThat(missing.apply(null)).isNull();
		ExtractionFn retain = fn("{\"type\": \"lookup\", " + map + ", \"retainMissingValue\": true}");
		assertThat(retain.apply("c")).isEqualTo("c");
		assertThat(retain.apply(null)).isNull();
		ExtractionFn replace = fn("{\"type\": \"lookup\", " + map + ", \"replaceMissingValueWith\": \"?\"}");
		assertThat(replace.apply("c")).isEqualTo("?");
		assertThat(replace.apply(null)).isEqualTo("?");
		assertThat(replace.apply("a")).isEqualTo("A");
	}

	@Test
	void cascadeAppliesInOrder() {
		ExtractionFn cascade = fn("""
				{"type": "cascade", "extractionFns": [{"type": "regex", "expr": "^([a-z]+)"}, {"type": "upper"},
				  {"type": "substring", "index": 1}]}""");
		assertThat(cascade.apply("getUser")).isEqualTo("ET");
		assertThat(cascade.apply(null)).isNull();
		// a timeFormat first sees a long as millis
		ExtractionFn time = fn("""
				{"type": "cascade", "extractionFns": [{"type": "timeFormat", "format": "yyyy-MM"}, {"type": "strlen"}]}""");
		assertThat(time.apply(IsoTime.parse("2026-03-04T05:06:07Z"))).isEqualTo("7");
	}

	@Test
	void timeFormatBucketsThenFormatsInTheZone() {
		long time = IsoTime.parse("2026-03-04T05:06:07.089Z");
		assertThat(fn("{\"type\": \"timeFormat\"}").apply(time)).isEqualTo("2026-03-04T05:06:07.089Z");
		assertThat(fn("{\"type\": \"timeFormat\", \"format\": \"yyyy-MM-dd HH:mm:ss.SSS\"}").apply(time))
			.isEqualTo("2026-03-04 05:06:07.089");
		// New York is UTC-5 in March before the 8th: 00:06
		assertThat(fn("{\"type\": \"timeFormat\", \"format\": \"HH:mm ZZ\", \"timeZone\": \"America/New_York\"}")
			.apply(time)).isEqualTo("00:06 -05:00");
		assertThat(fn("{\"type\": \"timeFormat\", \"format\": \"yyyy-MM-dd'T'HH\", \"granularity\": \"day\"}").apply(time))
			.isEqualTo("2026-03-04T00");
		assertThat(fn("{\"type\": \"timeFormat\", \"format\": \"EEEE d MMMM\", \"locale\": \"fr\"}").apply(time))
			.isEqualTo("mercredi 4 mars");
		// ISO text in, the formatted bucket out; asMillis reads millis first and prints millis without a format
		assertThat(fn("{\"type\": \"timeFormat\", \"format\": \"MM/dd\"}").apply("2026-03-04T05:06:07Z")).isEqualTo("03/04");
		assertThat(fn("{\"type\": \"timeFormat\", \"asMillis\": true, \"granularity\": \"hour\"}").apply(Long.toString(time)))
			.isEqualTo(Long.toString(IsoTime.parse("2026-03-04T05:00:00Z")));
		assertThat(fn("{\"type\": \"timeFormat\", \"format\": \"yyyy\"}").apply((String) null)).isNull();
		assertThatThrownBy(() -> fn("{\"type\": \"timeFormat\", \"format\": \"yyyy\"}").apply("yesterday"))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("ISO-8601");
	}

	@Test
	void jodaPatternsTranslate() {
		assertThat(JodaPattern.toJavaTime("yyyy-MM-dd'T'HH:mm:ss.SSSZZ")).isEqualTo("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");
		assertThat(JodaPattern.toJavaTime("xxxx-'W'ww [e] 'it''s'")).isEqualTo("YYYY-'W'ww '['e']' 'it''s'");
		assertThat(JodaPattern.toJavaTime("YYYY G Z ZZZ")).isEqualTo("yyyy G xx VV");
		assertThatThrownBy(() -> JodaPattern.toJavaTime("CC")).hasMessageContaining("[C]");
	}

	@Test
	void malformedSpecsNameTheField() {
		assertError("{\"type\": \"regex\"}", "extractionFn.expr");
		assertError("{\"type\": \"regex\", \"expr\": \"(\"}", "extractionFn.expr");
		assertError("{\"type\": \"regex\", \"expr\": \"(a)\", \"index\": 2}", "extractionFn.index");
		assertError("{\"type\": \"substring\", \"index\": 1, \"length\": 0}", "extractionFn.length");
		assertError("{\"type\": \"substring\", \"index\": -1}", "extractionFn.index");
		assertError("{\"type\": \"timeFormat\", \"format\": \"CC\"}", "extractionFn.format");
		assertError("{\"type\": \"timeFormat\", \"timeZone\": \"Mars/Olympus\"}", "extractionFn.timeZone");
		assertError("{\"type\": \"timeFormat\", \"asMillis\": true, \"locale\": \"fr\"}", "extractionFn.locale");
		assertError("{\"type\": \"lookup\"}", "extractionFn.lookup");
		assertError("""
				{"type": "lookup", "lookup": {"type": "map", "map": {}}, "retainMissingValue": true,
				 "replaceMissingValueWith": "x"}""", "extractionFn.replaceMissingValueWith");
		assertError("{\"type\": \"cascade\", \"extractionFns\": []}", "extractionFn.extractionFns");
		assertError("{\"type\": \"cascade\", \"extractionFns\": [{\"type\": \"nope\"}]}", "extractionFn.extractionFns[0].type");
		assertThatThrownBy(() -> fn("{\"type\": \"javascript\", \"function\": \"x\"}"))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode().druidErrorName()).isEqualTo("Unsupported operation"));
	}

	private static void assertError(String json, String field) {
		assertThatThrownBy(() -> fn(json)).isInstanceOfSatisfying(StrataException.class,
				ex -> assertThat(ex.errorCode().category()).isEqualTo(ErrorCategory.INVALID_INPUT))
			.hasMessageContaining("field[" + field + "]");
	}

}
