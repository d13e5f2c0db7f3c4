package io.strata.engine.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Buckets of an ISO period in a time zone, from an origin: Druid's {@code {"type":"period"}} and
 * the named granularities. Periods of fixed length in UTC (all the named ones up to {@code week})
 * take an arithmetic fast path, since ingestion truncates every row with them.
 * @param originMillis where buckets are counted from; null means the epoch's local midnight (and
 * the Monday after it for week periods)
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
		ZonedDateTime local = Instant.ofEpochMilli(epochMillis).atZone(this.timeZone);
		if (this.period.totalMonths() != 0) {
			int step = this.period.totalMonths();
			LocalDate originDate = originDate();
			long originIndex = originDate.getYear() * 12L + originDate.getMonthValue() - 1;
			long index = local.getYear() * 12L + local.getMonthValue() - 1;
			long bucketIndex = originIndex + Math.floorDiv(index - originIndex, step) * (long) step;
			LocalDate start = LocalDate.of((int) Math.floorDiv(bucketIndex, 12), Math.floorMod(bucketIndex, 12) + 1, 1);
			return start.atStartOfDay(this.timeZone).toInstant().toEpochMilli();
		}
		long stepDays = this.period.weeks() * 7L + this.period.days();
		long originDay = originDate().toEpochDay();
		if (this.period.weeks() != 0 && this.originMillis == null) {
			originDay = 4;
		}
		long day = local.toLocalDate().toEpochDay();
		long startDay = originDay + Math.floorDiv(day - originDay, stepDays) * stepDays;
		return LocalDate.ofEpochDay(startDay).atStartOfDay(this.timeZone).toInstant().toEpochMilli();
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
		if (this.period.weeks() != 0) {
			return FIRST_MONDAY_MILLIS;
		}
		if (isUtc(this.timeZone)) {
			return 0;
		}
		return LocalDate.EPOCH.atStartOfDay(this.timeZone).toInstant().toEpochMilli();
	}

	private LocalDate originDate() {
		if (this.originMillis == null) {
			return LocalDate.EPOCH;
		}
		return Instant.ofEpochMilli(this.originMillis).atZone(this.timeZone).toLocalDate();
	}

	private static boolean isUtc(ZoneId zone) {
		return zone.equals(ZoneOffset.UTC) || zone.normalized().equals(ZoneOffset.UTC);
	}

}
