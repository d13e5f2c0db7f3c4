package io.strata.engine.time;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Zoned formatting checked against java.time, and the forms Druid prints for a few known instants. */
class IsoTimeZonedFormatTest {

	/** Joda's ISO printer as java.time spells it: millis always, offset with a colon, Z for zero. */
	private static final DateTimeFormatter JODA_LIKE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXXXX");

	@Test
	void matchesJavaTimeInManyZones() {
		SplittableRandom random = new SplittableRandom(5);
		List<ZoneId> zones = List.of(ZoneId.of("UTC"), ZoneId.of("America/Los_Angeles"), ZoneId.of("Asia/Kolkata"),
				ZoneId.of("Asia/Kathmandu"), ZoneId.of("Europe/London"), ZoneId.of("Australia/Lord_Howe"),
				ZoneId.of("Pacific/Chatham"), ZoneId.of("America/St_Johns"));
		for (int i = 0; i < 20_000; i++) {
			// 1971 to 2100: offsets there are whole minutes
			long millis = 31_536_000_000L + random.nextLong(4_070_000_000_000L);
			ZoneId zone = zones.get(random.nextInt(zones.size()));
			assertThat(IsoTime.format(millis, zone)).as("%d in %s", millis, zone)
				.isEqualTo(JODA_LIKE.format(Instant.ofEpochMilli(millis).atZone(zone)));
		}
	}

	@Test
	void printsTheLocalTimeAndOffset() {
		ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
		assertThat(IsoTime.format(IsoTime.parse("2026-10-01T07:00:00Z"), losAngeles))
			.isEqualTo("2026-10-01T00:00:00.000-07:00");
		assertThat(IsoTime.format(IsoTime.parse("2026-12-01T08:00:00.250Z"), losAngeles))
			.isEqualTo("2026-12-01T00:00:00.250-08:00");
		assertThat(IsoTime.format(IsoTime.parse("2026-01-01T00:00:00Z"), ZoneId.of("Asia/Kolkata")))
			.isEqualTo("2026-01-01T05:30:00.000+05:30");
		// a zone at offset zero prints Z, as Joda does
		assertThat(IsoTime.format(IsoTime.parse("2026-01-01T00:00:00Z"), ZoneId.of("Europe/London")))
			.isEqualTo("2026-01-01T00:00:00.000Z");
		// local mean time of 1850 has an offset in seconds
		assertThat(IsoTime.format(IsoTime.parse("1850-01-01T00:00:00Z"), losAngeles))
			.isEqualTo("1849-12-31T16:07:02.000-07:52:58");
	}

	@Test
	void granularitiesGiveTheZoneResultsArePrintedIn() {
		assertThat(Granularity.named("day").resultZone()).isEqualTo(java.time.ZoneOffset.UTC);
		assertThat(Granularity.all().resultZone()).isEqualTo(java.time.ZoneOffset.UTC);
		assertThat(new PeriodGranularity(IsoPeriod.parse("P1D"), ZoneId.of("Asia/Tokyo"), null).resultZone())
			.isEqualTo(ZoneId.of("Asia/Tokyo"));
	}

	@Test
	void weekPeriodsStartOnMondayButLongerOnesCountFromTheEpoch() {
		// P1W: the Monday on or before; P2W without origin: two-week steps from 1970-01-01 (a Thursday)
		long thursday = IsoTime.parse("2026-01-08T12:00:00Z");
		assertThat(IsoTime.format(Granularity.named("week").bucketStart(thursday))).isEqualTo("2026-01-05T00:00:00.000Z");
		PeriodGranularity twoWeeks = new PeriodGranularity(IsoPeriod.parse("P2W"), java.time.ZoneOffset.UTC, null);
		long start = twoWeeks.bucketStart(thursday);
		assertThat(Math.floorMod(start, 14 * 86_400_000L)).isZero();
		assertThat(start).isLessThanOrEqualTo(thursday).isGreaterThan(thursday - 14 * 86_400_000L);
		// 2026-01-08 is 20,461 days after the epoch: 1,461 whole fortnights and 7 days, so the fortnight began 01-01
		assertThat(IsoTime.format(start)).isEqualTo("2026-01-01T00:00:00.000Z");
		PeriodGranularity twoWeeksLa = new PeriodGranularity(IsoPeriod.parse("P2W"), ZoneId.of("America/Los_Angeles"),
				null);
		assertThat(IsoTime.format(twoWeeksLa.bucketStart(thursday), ZoneId.of("America/Los_Angeles")))
			.isEqualTo("2026-01-01T00:00:00.000-08:00");
	}

}
