package io.strata.engine.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * An ISO-8601 period such as {@code P1D}, {@code PT1H}, {@code P3M} or {@code P1W}; the unit of
 * Druid's period granularities and of {@code start/period} intervals.
 */
public record IsoPeriod(int years, int months, int weeks, int days, int hours, int minutes, long millis) {

	public IsoPeriod {
		if (years < 0 || months < 0 || weeks < 0 || days < 0 || hours < 0 || minutes < 0 || millis < 0) {
			throw new IllegalArgumentException("period fields must not be negative");
		}
		if (years + months + weeks + days + hours + minutes == 0 && millis == 0) {
			throw new IllegalArgumentException("period must not be empty");
		}
	}

	/** Parses {@code P[nY][nM][nW][nD][T[nH][nM][n[.fff]S]]}. */
	public static IsoPeriod parse(String text) {
		if (text.length() < 3 || text.charAt(0) != 'P') {
			throw new IllegalArgumentException("period must start with P");
		}
		int years = 0;
		int months = 0;
		int weeks = 0;
		int days = 0;
		int hours = 0;
		int minutes = 0;
		long millis = 0;
		boolean timePart = false;
		int position = 1;
		while (position < text.length()) {
			char c = text.charAt(position);
			if (c == 'T') {
				if (timePart) {
					throw new IllegalArgumentException("period has two T separators");
				}
				timePart = true;
				position++;
				continue;
			}
			int start = position;
			while (position < text.length()
					&& (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
				position++;
			}
			if (start == position || position == text.length()) {
				throw new IllegalArgumentException("period has a number without a unit");
			}
			String number = text.substring(start, position);
			char unit = text.charAt(position++);
			if (timePart && unit == 'S') {
				millis += Math.round(Double.parseDouble(number) * 1000);
				continue;
			}
			if (number.indexOf('.') >= 0) {
				throw new IllegalArgumentException("only seconds may have a fraction in a period");
			}
			int value = Integer.parseInt(number);
			switch (timePart ? Character.toLowerCase(unit) : unit) {
				case 'Y' -> years = value;
				case 'M' -> months = value;
				case 'W' -> weeks = value;
				case 'D' -> days = value;
				case 'h' -> hours = value;
				case 'm' -> minutes = value;
				default -> throw new IllegalArgumentException("period has an unknown unit");
			}
		}
		return new IsoPeriod(years, months, weeks, days, hours, minutes, millis);
	}

	/** True when the period has no calendar fields, so it is the same length everywhere. */
	public boolean isTimeOnly() {
		return this.years == 0 && this.months == 0 && this.weeks == 0 && this.days == 0;
	}

	/** Its length in milliseconds when days and weeks are taken as 24 h and 7 d (no months or years). */
	public long fixedMillis() {
		if (this.years != 0 || this.months != 0) {
			throw new IllegalStateException("a period with months or years has no fixed length");
		}
		return ((this.weeks * 7L + this.days) * 24L + this.hours) * 3_600_000L + this.minutes * 60_000L + this.millis;
	}

	public int totalMonths() {
		return this.years * 12 + this.months;
	}

	public long addTo(long epochMillis, ZoneId zone) {
		return step(epochMillis, zone, 1);
	}

	public long subtractFrom(long epochMillis, ZoneId zone) {
		return step(epochMillis, zone, -1);
	}

	private long step(long epochMillis, ZoneId zone, int sign) {
		ZonedDateTime time = Instant.ofEpochMilli(epochMillis).atZone(zone);
		time = time.plusYears(sign * (long) this.years)
			.plusMonths(sign * (long) this.months)
			.plusWeeks(sign * (long) this.weeks)
			.plusDays(sign * (long) this.days);
		long millisPart = this.hours * 3_600_000L + this.minutes * 60_000L + this.millis;
		return time.toInstant().toEpochMilli() + sign * millisPart;
	}

	@Override
	public String toString() {
		StringBuilder out = new StringBuilder("P");
		appendUnit(out, this.years, 'Y');
		appendUnit(out, this.months, 'M');
		appendUnit(out, this.weeks, 'W');
		appendUnit(out, this.days, 'D');
		if (this.hours != 0 || this.minutes != 0 || this.millis != 0) {
			out.append('T');
			appendUnit(out, this.hours, 'H');
			appendUnit(out, this.minutes, 'M');
			if (this.millis != 0) {
				if (this.millis % 1000 == 0) {
					out.append(this.millis / 1000);
				}
				else {
					out.append(java.math.BigDecimal.valueOf(this.millis, 3).stripTrailingZeros().toPlainString());
				}
				out.append('S');
			}
		}
		return out.toString();
	}

	private static void appendUnit(StringBuilder out, int value, char unit) {
		if (value != 0) {
			out.append(value).append(unit);
		}
	}

}
