package io.strata.engine.query.extraction;

/**
 * A Druid extraction function: maps a dimension value to another value. Null may go in and come
 * out (SQL-compatible null handling: the empty string stays the empty string). Implementations are
 * immutable and thread-safe.
 */
public sealed interface ExtractionFn permits TimeFormatExtractionFn, RegexExtractionFn, SubstringExtractionFn,
		StrlenExtractionFn, UpperExtractionFn, LowerExtractionFn, LookupExtractionFn, CascadeExtractionFn {

	/** @return the extracted value of a string value, or null */
	String apply(String value);

	/**
	 * The extracted value of a long ({@code __time} or a long column). Druid passes the decimal
	 * text to functions over strings; {@code timeFormat} reads the long as epoch millis.
	 */
	default String apply(long value) {
		return apply(Long.toString(value));
	}

}
