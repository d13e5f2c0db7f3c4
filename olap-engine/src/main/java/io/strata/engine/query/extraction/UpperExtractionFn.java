package io.strata.engine.query.extraction;

import java.util.Locale;
import java.util.Objects;

/**
 * Druid's {@code upper}. Druid's default locale is the server's; Strata's is {@link Locale#ROOT},
 * so results do not depend on where the engine runs.
 */
public record UpperExtractionFn(Locale locale) implements ExtractionFn {

	public UpperExtractionFn {
		Objects.requireNonNull(locale, "locale");
	}

	@Override
	public String apply(String value) {
		return value == null ? null : value.toUpperCase(this.locale);
	}

}
