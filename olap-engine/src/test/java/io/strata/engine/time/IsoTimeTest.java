package io.strata.engine.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IsoTimeTest {

	private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

	/** Years 0001 to 9999 and the epoch-negative ones Druid may see in bad data. */
	private static final long MIN_MILLIS = LocalDate.of(1, 1, 1).toEpochDay() * 86_400_000L;

	private static final long MAX_MILLIS = LocalDate.of(9999, 12, 31).toEpochDay() * 86_400_000L + 86_399_999L;

	@Test
	void formatsLikeJavaTimeOverManyRandomInstants() {
		SplittableRandom random = new SplittableRandom(20261125L);
		for (int i = 0; i < 200_000; i++) {
			long millis = i % 2 == 0 ? random.nextLong(MIN_MILLIS, MAX_MILLIS + 1)
					: random.nextLong(-4_000_000_000_000L, 4_000_000_000_000L);
			assertThat(IsoTime.format(millis)).as("millis %d", millis).isEqualTo(javaFormat(millis));
			assertThat(IsoTime.parse(IsoTime.format(millis))).isEqualTo(millis);
		}
	}

	@Test
	void formatsYearsOutsideFourDigitsWithASign() {
		// Druid's eternity ends are far outside 0000-9999; they must still round-trip
		for (long millis : new long[] { Interval.ETERNITY.startMillis(), Interval.ETERNITY.endMillis(),
				-62_135_596_800_001L, 253_402_300_800_000L, -1, 0, 1 }) {
			String text = IsoTime.format(millis);
			assertThat(text).isEqualTo(javaFormat(millis));
			assertThat(IsoTime.parse(text)).as(text).isEqualTo(millis);
		}
		assertThat(IsoTime.format(253_402_300_800_000L)).isEqualTo("+10000-01-01T00:00:00.000Z");
		assertThat(IsoTime.format(-62_167_219_200_001L)).isEqualTo("-0001-12-31T23:59:59.999Z");
	}

	@Test
	void parsesEveryAcceptedShapeLikeJavaTime() {
		SplittableRandom random = new SplittableRandom(7);
		for (int i = 0; i < 200_000; i++) {
			LocalDateTime local = LocalDateTime.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
					random.nextInt(1_000_000_000), ZoneOffset.UTC);
			int shape = random.nextInt(5);
			StringBuilder text = new StringBuilder(DateTimeFormatter.ISO_LOCAL_DATE.format(local));
			LocalDateTime expectedLocal;
			if (shape == 0) {
				expectedLocal = local.toLocalDate().atStartOfDay();
			}
			else {
				text.append(random.nextInt(4) == 0 ? ' ' : 'T').append(pad2(local.getHour()));
				expectedLocal = local.toLocalDate().atTime(local.getHour(), 0);
				if (shape >= 2) {
					text.append(':').append(pad2(local.getMinute()));
					expectedLocal = expectedLocal.withMinute(local.getMinute());
				}
				if (shape >= 3) {
					text.append(':').append(pad2(local.getSecond()));
					expectedLocal = expectedLocal.withSecond(local.getSecond());
				}
				if (shape == 4) {
					int digits = 1 + random.nextInt(9);
					String nanos = String.format("%09d", local.getNano());
					text.append(random.nextInt(10) == 0 ? ',' : '.').append(nanos, 0, digits);
					int kept = Integer.parseInt(nanos.substring(0, digits) + "0".repeat(9 - digits));
					expectedLocal = expectedLocal.withNano(kept);
				}
			}
			ZoneOffset offset = ZoneOffset.UTC;
			switch (random.nextInt(5)) {
				case 0 -> {
				}
				case 1 -> text.append(random.nextBoolean() ? 'Z' : 'z');
				default -> {
					int minutes = random.nextInt(-18 * 60, 18 * 60 + 1);
					offset = ZoneOffset.ofTotalSeconds(minutes * 60);
					text.append(minutes < 0 ? '-' : '+').append(pad2(Math.abs(minutes) / 60));
					int form = random.nextInt(3);
					if (form == 0) {
						text.append(':').append(pad2(Math.abs(minutes) % 60));
					}
					else if (form == 1) {
						text.append(pad2(Math.abs(minutes) % 60));
					}
					else if (Math.abs(minutes) % 60 != 0) {
						text.append(':').append(pad2(Math.abs(minutes) % 60));
					}
				}
			}
			long expected = OffsetDateTime.of(expectedLocal, offset).toInstant().toEpochMilli();
			assertThat(IsoTime.parse(text)).as(text.toString()).isEqualTo(expected);
		}
	}

	@Test
	void parsesExamplesFromDruidIngestion() {
		assertThat(IsoTime.parse("2026-10-01T00:00:00.123Z")).isEqualTo(Instant.parse("2026-10-01T00:00:00.123Z").toEpochMilli());
		assertThat(IsoTime.parse("2026-10-01")).isEqualTo(Instant.parse("2026-10-01T00:00:00Z").toEpochMilli());
		assertThat(IsoTime.parse("2024-02-29T23:59:59.999-08:00"))
			.isEqualTo(Instant.parse("2024-03-01T07:59:59.999Z").toEpochMilli());
		assertThat(IsoTime.parse("1969-12-31T23:59:59.9999Z")).isEqualTo(-1);
		assertThat(IsoTime.parse("+2026-10-01T00:00Z")).isEqualTo(Instant.parse("2026-10-01T00:00:00Z").toEpochMilli());
		// reduced precision, as in Druid intervals like "2000/3000"
		assertThat(IsoTime.parse("2026")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
		assertThat(IsoTime.parse("2026-10")).isEqualTo(Instant.parse("2026-10-01T00:00:00Z").toEpochMilli());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "2024-", "2024-01-", "2024-1-01", "2024-01-1", "24-01-01", "2024/01/01", "2024-13-01",
			"2024-00-10", "2024-02-30", "2023-02-29", "1900-02-29", "2024-04-31", "2024-01-00", "2024-01-01T",
			"2024-01-01T1", "2024-01-01T24", "2024-01-01T10:60", "2024-01-01T10:5", "2024-01-01T10:00:60",
			"2024-01-01T10:00:00.", "2024-01-01T10:00:00.1234567890", "2024-01-01T10:00:00X",
			"2024-01-01T10:00:00Z ", " 2024-01-01", "2024-01-01T10:00:00+19:00", "2024-01-01T10:00:00+05:60",
			"2024-01-01T10:00:00+5", "2024-01-01T10:00:00+05:3", "2024-01-01T10:00:00+05:", "2024-01-01T10:00:00+",
			"2024-01-01T10:00:00ZZ", "2024-01-01x", "abcd-01-01", "2024-01-01T10.5", "2024-01-01T10:00.5",
			"--2024-01-01", "2024-01-01T10:00:00+05:30:00" })
	void rejectsMalformedTimes(String text) {
		assertThatThrownBy(() -> IsoTime.parse(text)).as("[%s]", text).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void rejectsYearsWhoseMillisDoNotFitALong() {
		// a long holds about +-292 million years of millis; beyond that the result would wrap silently
		for (String text : List.of("+300000000-01-01", "-300000000-01-01", "999999999-12-31T23:59:59Z")) {
			assertThatThrownBy(() -> IsoTime.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
		}
		assertThat(IsoTime.parse("+200000000-01-01")).isEqualTo(javaMillis(LocalDate.of(200_000_000, 1, 1)));
	}

	@Test
	void errorMessagesDoNotRepeatTheInput() {
		assertThatThrownBy(() -> IsoTime.parse("2024-13-01T00:00:00Z")).hasMessage("month out of range");
	}

	private static long javaMillis(LocalDate date) {
		return date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
	}

	private static String javaFormat(long millis) {
		LocalDateTime time = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
		return DateTimeFormatter.ISO_LOCAL_DATE.format(time) + "T" + TIME_OF_DAY.format(time) + "Z";
	}

	private static String pad2(int value) {
		return value < 10 ? "0" + value : Integer.toString(value);
	}

}
