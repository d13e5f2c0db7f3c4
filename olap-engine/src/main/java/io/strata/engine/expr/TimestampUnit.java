package io.strata.engine.expr;

import java.util.Locale;

/**
 * The units of {@code timestamp_extract}: EPOCH is seconds since 1970, DAY the day of the month, DOW
 * and ISODOW the ISO day of the week (Monday 1), DOY the day of the year, WEEK the ISO week of the week
 * year, ISOYEAR the ISO week year. CENTURY and MILLENNIUM are doubles, as in Druid.
 */
enum TimestampUnit {

	EPOCH, MILLISECOND, SECOND, MINUTE, HOUR, DAY, DOW, ISODOW, DOY, WEEK, MONTH, QUARTER, YEAR, ISOYEAR, DECADE,
	CENTURY, MILLENNIUM;

	/** @throws IllegalArgumentException naming the units there are */
	static TimestampUnit parse(String name) {
		try {
			return valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("unit[" + name + "] is unknown; expected one of "
					+ java.util.Arrays.toString(values()));
		}
	}

}
