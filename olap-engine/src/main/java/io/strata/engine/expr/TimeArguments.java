package io.strata.engine.expr;

import io.strata.engine.time.IsoPeriod;
import io.strata.engine.time.IsoTime;
import io.strata.engine.time.PeriodGranularity;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Reads the period, origin and time zone arguments of the time functions, as Druid does: zones by
 * name ({@code America/Los_Angeles}) or offset ({@code -08:00}), origins as epoch millis or ISO text.
 * Every method throws IllegalArgumentException naming what is wrong.
 */
final class TimeArguments {

	private TimeArguments() {
	}

	static ZoneId zone(String text) {
		try {
			return ZoneId.of(text, ZoneId.SHORT_IDS);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("time zone[" + text + "] is unknown");
		}
	}

	static IsoPeriod period(String text) {
		try {
			return IsoPeriod.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("period[" + text + "] is invalid: " + ex.getMessage());
		}
	}

	/** An origin given as a long (epoch millis), a double (truncated) or ISO-8601 text. */
	static long origin(ExprValue value) {
		if (value.type() == ExprType.STRING) {
			try {
				return IsoTime.parse(value.asString());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("origin[" + value.asString() + "] is not an ISO-8601 time");
			}
		}
		return value.asLong();
	}

	static PeriodGranularity granularity(IsoPeriod period, Long origin, ZoneId zone) {
		try {
			return new PeriodGranularity(period, zone == null ? ZoneOffset.UTC : zone, origin);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("period[" + period + "] cannot be used: " + ex.getMessage());
		}
	}

}
