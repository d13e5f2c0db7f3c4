package io.strata.engine.input;

import java.util.Objects;

/**
 * Druid's {@code timestampSpec}: which input field holds the event time and how to read it.
 * @param missingValue epoch millis used when the field is absent, or null to reject such rows
 */
public record TimestampSpec(String column, TimestampFormat format, Long missingValue) {

	public static final String DEFAULT_COLUMN = "timestamp";

	public TimestampSpec {
		Objects.requireNonNull(column, "column");
		column = column.intern();
		Objects.requireNonNull(format, "format");
	}

	public static TimestampSpec of(String column, TimestampFormat format) {
		return new TimestampSpec(column, format, null);
	}

}
