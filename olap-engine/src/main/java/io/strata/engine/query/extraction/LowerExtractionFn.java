package io.strata.engine.query.extraction;

import java.util.Locale;
import java.util.Objects;

/** Druid's {@code lower}; the default locale is {@link Locale#ROOT} (see {@link UpperExtractionFn}). */
public record LowerExtractionFn(Locale locale) implements ExtractionFn {

	public LowerExtractionFn {
		Objects.requireNonNull(locale, "locale");
	}

	@Override
	public String apply(String value) {
		return value == null ? null : value.toLowerCase(this.locale);
	}

}
