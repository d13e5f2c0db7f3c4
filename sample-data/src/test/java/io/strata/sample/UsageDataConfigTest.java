package io.strata.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UsageDataConfigTest {

    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");

    @Test
    void defaults() {
        UsageDataConfig config = UsageDataConfig.defaults(1_000);

        assertThat(config).isEqualTo(new UsageDataConfig(42, START, 30, 1_000, 10_000, 12, 15, 1.1));
        assertThat(config.end()).isEqualTo(Instant.parse("2026-10-31T00:00:00Z"));
    }

    @Test
    void withMethodsChangeOneField() {
        UsageDataConfig config = UsageDataConfig.defaults(1_000);

        assertThat(config.withSeed(7)).isEqualTo(new UsageDataConfig(7, START, 30, 1_000, 10_000, 12, 15, 1.1));
        assertThat(config.withEvents(5)).isEqualTo(new UsageDataConfig(42, START, 30, 5, 10_000, 12, 15, 1.1));
    }

    @Test
    void acceptsTheEdgesOfEachRange() {
        new UsageDataConfig(0, Instant.EPOCH, 1, 0, 1, 1, 0, 0);
        new UsageDataConfig(-1, START, UsageDataConfig.MAX_DAYS, Long.MAX_VALUE, UsageDataConfig.MAX_ACCOUNTS, 12, 15,
                5);
    }

    @Test
    void rejectsValuesOutOfRangeNamingTheField() {
        assertInvalid(new Object[] { 42L, START, 30, 100L, 0, 12, 15, 1.1 }, "accounts[0] must be positive");
        assertInvalid(new Object[] { 42L, START, 30, 100L, 100_000, 12, 15, 1.1 }, "accounts[100000] must be at most");
        assertInvalid(new Object[] { 42L, START, 0, 100L, 10, 12, 15, 1.1 }, "days[0] must be between 1 and 3650");
        assertInvalid(new Object[] { 42L, START, 3_651, 100L, 10, 12, 15, 1.1 }, "days[3651]");
        assertInvalid(new Object[] { 42L, START, 30, -1L, 10, 12, 15, 1.1 }, "events[-1] must not be negative");
        assertInvalid(new Object[] { 42L, START, 30, 100L, 10, 0, 15, 1.1 }, "apiNames[0] must be between 1 and 12");
        assertInvalid(new Object[] { 42L, START, 30, 100L, 10, 13, 15, 1.1 }, "apiNames[13]");
        assertInvalid(new Object[] { 42L, START, 30, 100L, 10, 12, -1, 1.1 }, "bundles[-1] must be between 0 and 15");
        assertInvalid(new Object[] { 42L, START, 30, 100L, 10, 12, 16, 1.1 }, "bundles[16]");
        assertInvalid(new Object[] { 42L, START, 30, 100L, 10, 12, 15, -0.5 }, "zipfExponent[-0.5]");
        assertInvalid(new Object[] { 42L, START, 30, 100L, 10, 12, 15, Double.NaN }, "zipfExponent[NaN]");
        assertInvalid(new Object[] { 42L, Instant.parse("1969-12-31T23:59:59Z"), 30, 100L, 10, 12, 15, 1.1 },
                "start[1969-12-31T23:59:59Z] must not be before 1970");
        assertInvalid(new Object[] { 42L, START.plusNanos(1), 30, 100L, 10, 12, 15, 1.1 },
                "must be whole milliseconds");
        assertInvalid(new Object[] { 42L, Instant.parse("9999-12-30T00:00:00Z"), 2, 100L, 10, 12, 15, 1.1 },
                "must end before the year 10000");
    }

    @Test
    void rejectsNullStart() {
        assertThatThrownBy(() -> new UsageDataConfig(42, null, 30, 100, 10, 12, 15, 1.1))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("start is null");
    }

    private static void assertInvalid(Object[] fields, String message) {
        assertThatThrownBy(() -> new UsageDataConfig((long) fields[0], (Instant) fields[1], (int) fields[2],
                (long) fields[3], (int) fields[4], (int) fields[5], (int) fields[6], (double) fields[7]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
