package io.strata.engine.query.extraction;

import io.strata.engine.error.StrataException;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.IsoTime;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * Druid's {@code timeFormat}: a time bucketed by {@code granularity}, then printed with a Joda
 * {@code format} (translated by {@link JodaPattern}) in {@code timeZone}; ISO-8601 when format is
 * null, epoch millis when format is null and {@code asMillis} is set. Strings are read as ISO-8601
 * times, or as epoch millis first under {@code asMillis}.
 * @param format the Joda pattern as given, null for ISO-8601
 * @param formatter built from format, zone and locale once, when the spec is read
 */
public record TimeFormatExtractionFn(String format, ZoneId timeZone, Locale locale, Granularity granularity,
		boolean asMillis, DateTimeFormatter formatter) implements ExtractionFn {

	private static final String ISO_PATTERN = "uuuu-MM-dd'T'HH:mm:ss.SSSXXX";

	public TimeFormatExtractionFn {
		Objects.requireNonNull(timeZone, "timeZone");
		Objects.requireNonNull(locale, "locale");
		Objects.requireNonNull(granularity, "granularity");
		Objects.requireNonNull(formatter, "formatter");
	}

	/**
	 * @throws IllegalArgumentException for a pattern letter Joda has and java.time cannot print
	 */
	public static TimeFormatExtractionFn of(String format, ZoneId timeZone, Locale locale, Granularity granularity,
			boolean asMillis) {
		String pattern = format == null ? ISO_PATTERN : JodaPattern.toJavaTime(format);
		DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern, locale).withZone(timeZone);
		return new TimeFormatExtractionFn(format, timeZone, locale, granularity, asMillis, formatter);
	}

	@Override
	public String apply(long value) {
		long bucket = this.granularity.bucketStart(value);
		if (this.format == null && this.asMillis) {
			return Long.toString(bucket);
		}
		return this.formatter.format(Instant.ofEpochMilli(bucket));
	}

	@Override
	public String apply(String value) {
		if (value == null) {
			return null;
		}
		if (this.asMillis) {
			try {
				return apply(Long.parseLong(value.trim()));
			}
			catch (NumberFormatException ex) {
				// not millis: an ISO-8601 time, as Druid falls back to
			}
		}
		try {
			return apply(IsoTime.parse(value.trim()));
		}
		catch (IllegalArgumentException ex) {
			throw StrataException.invalidInput("timeFormat extraction got a value that is not an ISO-8601 time: %s",
					ex.getMessage());
		}
	}

}
