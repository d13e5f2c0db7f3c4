package io.strata.engine.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class GranularityTest {

	private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	/** 1900-01-01 to 2100-01-01: before and after the epoch. */
	private static final long FROM = -2_208_988_800_000L;

	private static final long TO = 4_102_444_800_000L;

	private record Named(String name, UnaryOperator<LocalDateTime> truncate, UnaryOperator<LocalDateTime> step) {

	}

	private static final List<Named> NAMED = List.of(
			new Named("second", t -> t.truncatedTo(ChronoUnit.SECONDS), t -> t.plusSeconds(1)),
			new Named("minute", t -> t.truncatedTo(ChronoUnit.MINUTES), t -> t.plusMinutes(1)),
			new Named("five_minute", t -> t.truncatedTo(ChronoUnit.HOURS).withMinute(t.getMinute() / 5 * 5),
					t -> t.plusMinutes(5)),
			new Named("ten_minute", t -> t.truncatedTo(ChronoUnit.HOURS).withMinute(t.getMinute() / 10 * 10),
					t -> t.plusMinutes(10)),
			new Named("fifteen_minute", t -> t.truncatedTo(ChronoUnit.HOURS).withMinute(t.getMinute() / 15 * 15),
					t -> t.plusMinutes(15)),
			new Named("thirty_minute", t -> t.truncatedTo(ChronoUnit.HOURS).withMinute(t.getMinute() / 30 * 30),
					t -> t.plusMinutes(30)),
			new Named("hour", t -> t.truncatedTo(ChronoUnit.HOURS), t -> t.plusHours(1)),
			new Named("six_hour", t -> t.truncatedTo(ChronoUnit.DAYS).withHour(t.getHour() / 6 * 6),
					t -> t.plusHours(6)),
			new Named("eight_hour", t -> t.truncatedTo(ChronoUnit.DAYS).withHour(t.getHour() / 8 * 8),
					t -> t.plusHours(8)),
			new Named("day", t -> t.truncatedTo(ChronoUnit.DAYS), t -> t.plusDays(1)),
			new Named("week", t -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
					t -> t.plusWeeks(1)),
			new Named("month", t -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1), t -> t.plusMonths(1)),
			new Named("quarter",
					t -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).withMonth((t.getMonthValue() - 1) / 3 * 3 + 1),
					t -> t.plusMonths(3)),
			new Named("year", t -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1), t -> t.plusYears(1)));

	@Test
	void namedGranularitiesTruncateLikeJavaTime() {
		SplittableRandom random = new SplittableRandom(42);
		for (Named named : NAMED) {
			Granularity granularity = Granularity.named(named.name());
			assertThat(granularity.standardName()).isEqualTo(named.name());
			assertThat(Granularity.named(named.name().toUpperCase(java.util.Locale.ROOT))).isEqualTo(granularity);
			for (int i = 0; i < 20_000; i++) {
				long millis = random.nextLong(FROM, TO);
				LocalDateTime time = utc(millis);
				LocalDateTime start = named.truncate().apply(time);
				long expectedStart = millis(start);
				long actualStart = granularity.bucketStart(millis);
				assertThat(actualStart).as("%s of %s", named.name(), time).isEqualTo(expectedStart);
				assertThat(granularity.next(actualStart)).as("next %s after %s", named.name(), start)
					.isEqualTo(millis(named.step().apply(start)));
				assertThat(granularity.bucketStart(actualStart)).isEqualTo(actualStart);
				assertThat(granularity.bucket(millis).contains(millis)).isTrue();
			}
		}
	}

	@Test
	void weeksStartOnMonday() {
		Granularity week = Granularity.named("week");
		// 2026-11-25 is a Wednesday; 1970-01-01 a Thursday
		assertThat(week.bucketStart(Instant.parse("2026-11-25T13:00:00Z").toEpochMilli()))
			.isEqualTo(Instant.parse("2026-11-23T00:00:00Z").toEpochMilli());
		assertThat(week.bucketStart(0)).isEqualTo(Instant.parse("1969-12-29T00:00:00Z").toEpochMilli());
		assertThat(week.bucketStart(Instant.parse("2026-11-23T00:00:00Z").toEpochMilli()))
			.isEqualTo(Instant.parse("2026-11-23T00:00:00Z").toEpochMilli());
		assertThat(week.bucketStart(Instant.parse("2026-11-22T23:59:59.999Z").toEpochMilli()))
			.isEqualTo(Instant.parse("2026-11-16T00:00:00Z").toEpochMilli());
	}

	@Test
	void allAndNone() {
		assertThat(Granularity.all().bucket(123)).isEqualTo(Interval.ETERNITY);
		assertThat(Granularity.none().bucketStart(123_456)).isEqualTo(123_456);
		assertThat(Granularity.none().next(123_456)).isEqualTo(123_457);
		assertThat(Granularity.named("ALL")).isEqualTo(Granularity.all());
		assertThat(Granularity.all().standardName()).isEqualTo("all");
		assertThatThrownBy(() -> Granularity.named("fortnight")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("five_minute");
	}

	@Test
	void dayInLosAngelesFollowsLocalMidnightsAcrossDaylightSaving() {
		Granularity day = period("P1D", LOS_ANGELES, null);
		// spring forward: 2024-03-10 has 23 hours; fall back: 2024-11-03 has 25
		long springDay = zoned("2024-03-10T00:00", LOS_ANGELES);
		assertThat(day.bucketStart(zoned("2024-03-10T12:34", LOS_ANGELES))).isEqualTo(springDay);
		assertThat(day.next(springDay) - springDay).isEqualTo(Duration.ofHours(23).toMillis());
		long fallDay = zoned("2024-11-03T00:00", LOS_ANGELES);
		assertThat(day.bucketStart(zoned("2024-11-03T23:59:59.999", LOS_ANGELES))).isEqualTo(fallDay);
		assertThat(day.next(fallDay) - fallDay).isEqualTo(Duration.ofHours(25).toMillis());
		// the repeated hour 01:00-02:00 of the fall-back day belongs to that day both times
		long secondOneAm = zoned("2024-11-03T08:30", ZoneOffset.UTC) + 60 * 60_000L;
		assertThat(day.bucketStart(secondOneAm)).isEqualTo(fallDay);

		SplittableRandom random = new SplittableRandom(3);
		for (int i = 0; i < 50_000; i++) {
			long millis = random.nextLong(FROM, TO);
			ZonedDateTime local = Instant.ofEpochMilli(millis).atZone(LOS_ANGELES);
			ZonedDateTime start = local.truncatedTo(ChronoUnit.DAYS);
			assertThat(day.bucketStart(millis)).as("%s", local).isEqualTo(start.toInstant().toEpochMilli());
			assertThat(day.next(start.toInstant().toEpochMilli()))
				.isEqualTo(start.toLocalDate().plusDays(1).atStartOfDay(LOS_ANGELES).toInstant().toEpochMilli());
		}
	}

	@Test
	void otherPeriodsInZonesFollowLocalTime() {
		SplittableRandom random = new SplittableRandom(5);
		ZoneId kolkata = ZoneId.of("Asia/Kolkata");
		Granularity hourInKolkata = period("PT1H", kolkata, null);
		Granularity weekInLosAngeles = period("P1W", LOS_ANGELES, null);
		Granularity monthInLosAngeles = period("P1M", LOS_ANGELES, null);
		Granularity dayInKolkata = period("P1D", kolkata, null);
		for (int i = 0; i < 20_000; i++) {
			long millis = random.nextLong(0, TO);
			ZonedDateTime inKolkata = Instant.ofEpochMilli(millis).atZone(kolkata);
			ZonedDateTime inLosAngeles = Instant.ofEpochMilli(millis).atZone(LOS_ANGELES);
			assertThat(hourInKolkata.bucketStart(millis)).isEqualTo(epoch(inKolkata.truncatedTo(ChronoUnit.HOURS)));
			assertThat(dayInKolkata.bucketStart(millis)).isEqualTo(epoch(inKolkata.truncatedTo(ChronoUnit.DAYS)));
			ZonedDateTime monday = inLosAngeles.toLocalDate()
				.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
				.atStartOfDay(LOS_ANGELES);
			assertThat(weekInLosAngeles.bucketStart(millis)).as("%s", inLosAngeles).isEqualTo(epoch(monday));
			assertThat(weekInLosAngeles.next(epoch(monday)))
				.isEqualTo(epoch(monday.toLocalDate().plusWeeks(1).atStartOfDay(LOS_ANGELES)));
			ZonedDateTime first = inLosAngeles.toLocalDate().withDayOfMonth(1).atStartOfDay(LOS_ANGELES);
			assertThat(monthInLosAngeles.bucketStart(millis)).isEqualTo(epoch(first));
			assertThat(monthInLosAngeles.next(epoch(first)))
				.isEqualTo(epoch(first.toLocalDate().plusMonths(1).atStartOfDay(LOS_ANGELES)));
		}
	}

	@Test
	void durationCountsFromItsOrigin() {
		long origin = Instant.parse("2024-01-01T00:30:00Z").toEpochMilli();
		DurationGranularity twoHours = new DurationGranularity(7_200_000L, origin);
		assertThat(twoHours.bucketStart(origin)).isEqualTo(origin);
		assertThat(twoHours.bucketStart(origin - 1)).isEqualTo(origin - 7_200_000L);
		assertThat(twoHours.bucketStart(Instant.parse("2024-01-01T03:00:00Z").toEpochMilli()))
			.isEqualTo(Instant.parse("2024-01-01T02:30:00Z").toEpochMilli());
		assertThat(twoHours.next(origin)).isEqualTo(origin + 7_200_000L);
		SplittableRandom random = new SplittableRandom(11);
		for (int i = 0; i < 20_000; i++) {
			long millis = random.nextLong(FROM, TO);
			long start = twoHours.bucketStart(millis);
			assertThat(start).isLessThanOrEqualTo(millis).isGreaterThan(millis - 7_200_000L);
			assertThat(Math.floorMod(start - origin, 7_200_000L)).isZero();
		}
		assertThatThrownBy(() -> new DurationGranularity(0, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void periodWithOriginCountsFromTheOrigin() {
		long origin = Instant.parse("2024-01-01T06:00:00Z").toEpochMilli();
		Granularity threeDays = period("P3D", ZoneOffset.UTC, origin);
		assertThat(threeDays.bucketStart(Instant.parse("2024-01-05T01:00:00Z").toEpochMilli()))
			.isEqualTo(Instant.parse("2024-01-04T06:00:00Z").toEpochMilli());
		assertThat(threeDays.bucketStart(Instant.parse("2024-01-01T05:59:59.999Z").toEpochMilli()))
			.isEqualTo(Instant.parse("2023-12-29T06:00:00Z").toEpochMilli());
		// the same in a zone with daylight saving: buckets start at the origin's local time of day
		long laOrigin = zoned("2024-01-01T06:00", LOS_ANGELES);
		Granularity dayFromSixAm = period("P1D", LOS_ANGELES, laOrigin);
		assertThat(dayFromSixAm.bucketStart(zoned("2024-06-15T03:00", LOS_ANGELES)))
			.isEqualTo(zoned("2024-06-14T06:00", LOS_ANGELES));
		assertThat(dayFromSixAm.bucketStart(zoned("2024-06-15T07:00", LOS_ANGELES)))
			.isEqualTo(zoned("2024-06-15T06:00", LOS_ANGELES));
		assertThat(dayFromSixAm.next(zoned("2024-06-15T06:00", LOS_ANGELES)))
			.isEqualTo(zoned("2024-06-16T06:00", LOS_ANGELES));
		// months from the 15th
		long fifteenth = Instant.parse("2024-01-15T00:00:00Z").toEpochMilli();
		Granularity monthFromFifteenth = period("P1M", ZoneOffset.UTC, fifteenth);
		assertThat(monthFromFifteenth.bucketStart(Instant.parse("2024-03-10T00:00:00Z").toEpochMilli()))
			.isEqualTo(Instant.parse("2024-02-15T00:00:00Z").toEpochMilli());
		assertThat(monthFromFifteenth.bucketStart(Instant.parse("2024-03-20T00:00:00Z").toEpochMilli()))
			.isEqualTo(Instant.parse("2024-03-15T00:00:00Z").toEpochMilli());
	}

	@Test
	void periodsParseAndPrint() {
		for (String text : List.of("P1D", "PT1H", "P3M", "P1W", "P1Y", "PT1.5S", "P1Y2M", "P1DT2H", "PT15M", "PT0.001S")) {
			assertThat(IsoPeriod.parse(text).toString()).isEqualTo(text);
		}
		for (String text : List.of("", "P", "1D", "PD", "P1", "PT1D", "P1H", "P1.5D", "PTT1H", "P-1D", "PT0S")) {
			assertThatThrownBy(() -> IsoPeriod.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
		}
		assertThatThrownBy(() -> period("P1MT1H", ZoneOffset.UTC, null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void intervalsParseInEveryForm() {
		long start = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();
		long end = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
		assertThat(Interval.parse("2026-10-01/2026-11-01")).isEqualTo(Interval.of(start, end));
		assertThat(Interval.parse("2026-10-01T00:00:00.000Z/P1M")).isEqualTo(Interval.of(start, end));
		assertThat(Interval.parse("P1M/2026-11-01")).isEqualTo(Interval.of(start, end));
		assertThat(Interval.parse(Interval.of(start, end).toString())).isEqualTo(Interval.of(start, end));
		assertThatThrownBy(() -> Interval.parse("2026-11-01/2026-10-01")).isInstanceOf(StrataException.class);
		assertThatThrownBy(() -> Interval.parse("2026-10-01")).isInstanceOf(StrataException.class)
			.extracting(ex -> ((StrataException) ex).errorCode())
			.isEqualTo(ErrorCode.INVALID_ARGUMENT);
		assertThatThrownBy(() -> Interval.parse("2026-10-01/2026-13-01")).isInstanceOf(StrataException.class);
	}

	@Test
	void jsonFormsRoundTrip() {
		JsonMapper mapper = JsonMapper.builder().build();
		List<Granularity> granularities = List.of(Granularity.all(), Granularity.none(), Granularity.named("minute"),
				Granularity.named("week"), period("P1D", LOS_ANGELES, null),
				period("PT6H", ZoneOffset.UTC, Instant.parse("2024-01-01T03:00:00Z").toEpochMilli()),
				new DurationGranularity(90_000, 1_000));
		for (Granularity granularity : granularities) {
			String json = "{\"g\":" + mapper.writeValueAsString(GranularityJson.write(granularity)) + "}";
			SpecNode node = SpecNode.root(mapper.readTree(json), "spec");
			assertThat(GranularityJson.read(node, "g", null)).as(json).isEqualTo(granularity);
		}
		SpecNode named = SpecNode.root(mapper.readTree("{\"g\":\"fifteen_minute\",\"h\":{\"type\":\"hour\"}}"), "spec");
		assertThat(GranularityJson.read(named, "g", null)).isEqualTo(Granularity.named("fifteen_minute"));
		assertThat(GranularityJson.read(named, "h", null)).isEqualTo(Granularity.named("hour"));
		assertThat(GranularityJson.read(named, "absent", Granularity.all())).isEqualTo(Granularity.all());
		SpecNode bad = SpecNode.root(mapper.readTree(
				"{\"g\":\"fortnight\",\"p\":{\"type\":\"period\",\"period\":\"P1X\"},\"z\":{\"type\":\"period\",\"period\":\"P1D\",\"timeZone\":\"Mars/Olympus\"}}"),
				"spec");
		assertThatThrownBy(() -> GranularityJson.read(bad, "g", null)).hasMessageContaining("field[spec.g]");
		assertThatThrownBy(() -> GranularityJson.read(bad, "p", null)).hasMessageContaining("field[spec.p]");
		assertThatThrownBy(() -> GranularityJson.read(bad, "z", null)).hasMessageContaining("field[spec.z.timeZone]");
	}

	private static Granularity period(String period, ZoneId zone, Long origin) {
		return new PeriodGranularity(IsoPeriod.parse(period), zone, origin);
	}

	private static LocalDateTime utc(long millis) {
		return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
	}

	private static long millis(LocalDateTime time) {
		return time.toInstant(ZoneOffset.UTC).toEpochMilli();
	}

	private static long epoch(ZonedDateTime time) {
		return time.toInstant().toEpochMilli();
	}

	private static long zoned(String localTime, ZoneId zone) {
		return LocalDateTime.parse(localTime).atZone(zone).toInstant().toEpochMilli();
	}

}
