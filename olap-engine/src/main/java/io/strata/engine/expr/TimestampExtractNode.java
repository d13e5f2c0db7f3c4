package io.strata.engine.expr;

import io.strata.engine.time.IsoTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;

/**
 * {@code timestamp_extract(expr, unit[, timezone])}: a field of the time in the zone (UTC when not
 * given), as Druid's units define it. The input is epoch millis, or ISO-8601 text. Null stays null.
 * Zones with a fixed offset (UTC among them) take an arithmetic path that allocates nothing for the
 * time-of-day units.
 */
final class TimestampExtractNode extends EvalNode {

	private static final long MILLIS_PER_DAY = 86_400_000L;

	private final EvalNode input;

	private final TimestampUnit unit;

	private final ZoneId zone;

	/** The zone's offset when it never changes, else null. */
	private final ZoneOffset fixedOffset;

	private final ExprValue out = new ExprValue();

	TimestampExtractNode(Expr source, EvalNode input, TimestampUnit unit, ZoneId zone) {
		super(source);
		this.input = input;
		this.unit = unit;
		this.zone = zone;
		this.fixedOffset = zone.getRules().isFixedOffset() ? zone.getRules().getOffset(Instant.EPOCH) : null;
	}

	@Override
	ExprValue eval() {
		ExprValue value = this.input.eval();
		if (value.isNull()) {
			this.out.setNull(ExprType.LONG);
			return this.out;
		}
		long millis;
		if (value.type() == ExprType.STRING) {
			try {
				millis = IsoTime.parse(value.asString());
			}
			catch (IllegalArgumentException ex) {
				throw failure("timestamp_extract needs epoch millis or an ISO-8601 time: " + ex.getMessage());
			}
		}
		else {
			millis = value.asLong();
		}
		int offsetSeconds = this.fixedOffset != null ? this.fixedOffset.getTotalSeconds()
				: this.zone.getRules().getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds();
		long local = millis + offsetSeconds * 1000L;
		long millisOfDay = Math.floorMod(local, MILLIS_PER_DAY);
		long epochDay = Math.floorDiv(local, MILLIS_PER_DAY);
		switch (this.unit) {
			// seconds since the epoch, truncated toward zero as Druid divides
			case EPOCH -> this.out.setLong(millis / 1000);
			case MILLISECOND -> this.out.setLong(millisOfDay % 1000);
			case SECOND -> this.out.setLong(millisOfDay / 1000 % 60);
			case MINUTE -> this.out.setLong(millisOfDay / 60_000 % 60);
			case HOUR -> this.out.setLong(millisOfDay / 3_600_000);
			// 1970-01-01 was a Thursday (ISO day 4)
			case DOW, ISODOW -> this.out.setLong(Math.floorMod(epochDay + 3, 7) + 1);
			default -> dateField(LocalDate.ofEpochDay(epochDay));
		}
		return this.out;
	}

	private void dateField(LocalDate date) {
		int year = date.getYear();
		switch (this.unit) {
			case DAY -> this.out.setLong(date.getDayOfMonth());
			case DOY -> this.out.setLong(date.getDayOfYear());
			case WEEK -> this.out.setLong(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			case MONTH -> this.out.setLong(date.getMonthValue());
			case QUARTER -> this.out.setLong((date.getMonthValue() - 1) / 3 + 1);
			case YEAR -> this.out.setLong(year);
			case ISOYEAR -> this.out.setLong(date.get(IsoFields.WEEK_BASED_YEAR));
			case DECADE -> this.out.setLong(year / 10);
			case CENTURY -> this.out.setDouble(Math.ceil(year / 100.0));
			case MILLENNIUM -> this.out.setDouble(Math.ceil(year / 1000.0));
			default -> throw new IllegalStateException("not a date unit: " + this.unit);
		}
	}

}
