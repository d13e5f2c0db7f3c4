package io.strata.benchmarks;

import io.strata.engine.error.StrataException;

/** Reading the values of benchmark command-line options. */
public final class OptionValues {

	private OptionValues() {
	}

	/** A whole number, written with or without {@code _} or {@code ,} separators (3_000_000). */
	public static long wholeNumber(String option, String value) {
		try {
			return Long.parseLong(value.replace("_", "").replace(",", ""));
		}
		catch (NumberFormatException ex) {
			throw StrataException.invalidInput("Option[%s] must be a whole number, not[%s]", option, value);
		}
	}

}
