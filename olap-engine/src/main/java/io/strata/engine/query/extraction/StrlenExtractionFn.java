package io.strata.engine.query.extraction;

/** Druid's {@code strlen}: the length in UTF-16 code units; null stays null. */
public record StrlenExtractionFn() implements ExtractionFn {

	@Override
	public String apply(String value) {
		return value == null ? null : Integer.toString(value.length());
	}

}
