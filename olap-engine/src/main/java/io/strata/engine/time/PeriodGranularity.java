package io.strata.engine.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Buckets of an ISO period in a time zone, from an origin: Druid's {@code {"type":"period"}} and
 * the named granularities. Periods of fixed length in UTC (all the named ones up to {@code week})
 * take an arithmetic fast path, since ingestion truncates every row with them.
 * @param originMillis where buckets are counted from; null means the epoch's local midnight (and
 * the Monday after it for {@code P1W}, as Druid starts weeks on Monday; longer week periods count
 * from the epoch, a Thursday, as in Druid)
 */
public record PeriodGranularity(IsoPeriod period, ZoneId timeZone, Long originMillis) implements Granularity {

	/** 1970-01-05, the first Monday after the epoch: weeks start on Monday as in Druid. */
	private static final long FIRST_MONDAY_MILLIS = 4 * 86_400_000L;

	public PeriodGranularity {
		Objects.requireNonNull(period, "period");
		Objects.requireNonNull(timeZone, "timeZone");
		boolean calendar = period.years() != 0 || period.months() != 0;
		boolean dayBased = period.weeks() != 0 || period.days() != 0;
		boolean timeBased = period.hours() != 0 || period.minutes() != 0 || period.millis() != 0;
		if (calendar && (dayBased || timeBased)) {
			throw new IllegalArgumentException("a period granularity may not mix months or years with days or time");
		}
		if (dayBased && timeBased && !isUtc(timeZone)) {
			throw new IllegalArgumentException("a period granularity outside UTC may not mix days with time");
		}
	}

	@Override
	public long bucketStart(long epochMillis) {
		if (isFixed()) {
			long length = this.period.fixedMillis();
			long origin = fixedOrigin();
			return origin + Math.floorDiv(epochMillis - origin, length) * length;
		}
		// Calendar periods count whole periods from the origin in local time, as Druid does: the
		// origin's time of day (and day of month) is where every bucket starts.
		LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), this.timeZone);
		LocalDateTime origin = localOrigin();
		LocalDateTime start;
		if (this.period.totalMonths() != 0) {
			long step = this.period.totalMonths();
			long index = Math.floorDiv(ChronoUnit.MONTHS.between(origin, local), step) * step;
			start = origin.plusMonths(index);
			if (start.isAfter(local)) {
				start = origin.plusMonths(index - step);
			}
		}
		else {
			long step = this.period.weeks() * 7L + this.period.days();
			long index = Math.floorDiv(ChronoUnit.DAYS.between(origin, local), step) * step;
			start = origin.plusDays(index);
			if (start.isAfter(local)) {
				start = origin.plusDays(index - step);
			}
		}
		return start.atZone(this.timeZone).toInstant().toEpochMilli();
	}

	@Override
	public long next(long bucketStart) {
		if (isFixed()) {
			return bucketStart + this.period.fixedMillis();
		}
		return this.period.addTo(bucketStart, this.timeZone);
	}

	private boolean isFixed() {
		return this.period.isTimeOnly() || (isUtc(this.timeZone) && this.period.totalMonths() == 0);
	}

	private long fixedOrigin() {
		if (this.originMillis != null) {
			return this.originMillis;
		}
		if (isOneWeek()) {
			return FIRST_MONDAY_MILLIS;
		}
		if (isUtc(this.timeZone)) {
			return 0;
		}
		return LocalDate.EPOCH.atStartOfDay(this.timeZone).toInstant().toEpochMilli();
	}

	private LocalDateTime localOrigin() {
		if (this.originMillis == null) {
			return LocalDate.EPOCH.plusDays(isOneWeek() ? 4 : 0).atStartOfDay();
		}
		return LocalDateTime.ofInstant(Instant.ofEpochMilli(this.originMillis), this.timeZone);
	}

	private boolean isOneWeek() {
		return this.period.weeks() == 1 && this.period.days() == 0;
	}

	private static boolean isUtc(ZoneId zone) {
		return zone.equals(ZoneOffset.UTC) || zone.normalized().equals(ZoneOffset.UTC);
	}

}
