package io.strata.engine.time;

import io.strata.engine.error.StrataException;

/**
 * A half-open interval of UTC epoch milliseconds: start inclusive, end exclusive. Written as
 * {@code start/end} in ISO-8601, as in Druid.
 */
public record Interval(long startMillis, long endMillis) implements Comparable<Interval> {

	/** Druid's eternity: the widest interval its SQL layer spells out. */
	public static final Interval ETERNITY = new Interval(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);

	public Interval {
		if (endMillis < startMillis) {
			throw StrataException.invalidInput("Interval end[%s] is before its start[%s]", endMillis, startMillis);
		}
	}

	public static Interval of(long startMillis, long endMillis) {
		return new Interval(startMillis, endMillis);
	}

	/** Parses {@code start/end}, {@code start/period} or {@code period/end}. */
	public static Interval parse(String text) {
		int slash = text.indexOf('/');
		if (slash < 0) {
			throw StrataException.invalidInput("Interval[%s] must be written start/end", text);
		}
		String left = text.substring(0, slash);
		String right = text.substring(slash + 1);
		try {
			if (left.startsWith("P")) {
				long end = IsoTime.parse(right);
				return new Interval(IsoPeriod.parse(left).subtractFrom(end, java.time.ZoneOffset.UTC), end);
			}
			long start = IsoTime.parse(left);
			if (right.startsWith("P")) {
				return new Interval(start, IsoPeriod.parse(right).addTo(start, java.time.ZoneOffset.UTC));
			}
			return new Interval(start, IsoTime.parse(right));
		}
		catch (IllegalArgumentException ex) {
			throw StrataException.invalidInput("Interval[%s] is not ISO-8601: %s", text, ex.getMessage());
		}
	}

	public boolean contains(long millis) {
		return millis >= this.startMillis && millis < this.endMillis;
	}

	public boolean contains(Interval other) {
		return other.startMillis >= this.startMillis && other.endMillis <= this.endMillis;
	}

	public boolean overlaps(Interval other) {
		return this.startMillis < other.endMillis && other.startMillis < this.endMillis;
	}

	public long durationMillis() {
		return this.endMillis - this.startMillis;
	}

	@Override
	public int compareTo(Interval other) {
		int byStart = Long.compare(this.startMillis, other.startMillis);
		return byStart != 0 ? byStart : Long.compare(this.endMillis, other.endMillis);
	}

	@Override
	public String toString() {
		return IsoTime.format(this.startMillis) + "/" + IsoTime.format(this.endMillis);
	}

}
