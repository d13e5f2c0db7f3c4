package io.strata.sample;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What {@link UsageEventGenerator} produces. Equal configs give the same event sequence, byte for byte.
 *
 * @param seed seed of the single random stream every event is drawn from
 * @param start first instant of the generated interval; whole milliseconds, between years 1970 and 9999
 * @param days length of the interval; every timestamp lies in [start, start + days)
 * @param events exact number of events to generate
 * @param accounts number of accounts, named {@code acct-00001} up to at most {@code acct-99999}
 * @param apiNames how many of {@link UsageCatalog#API_NAMES} are called (the most called first), 1 to 12
 * @param bundles how many of {@link UsageCatalog#BUNDLE_NAMES} are returned (the most popular first), 0 to 15
 * @param zipfExponent skew of traffic over accounts: 0 is uniform, larger concentrates traffic on fewer accounts
 */
public record UsageDataConfig(long seed, Instant start, int days, long events, int accounts, int apiNames, int bundles,
        double zipfExponent) {

    /** Account ids have five digits. */
    public static final int MAX_ACCOUNTS = 99_999;

    /** Keeps the per-hour traffic table small; ten years is far more than any benchmark needs. */
    public static final int MAX_DAYS = 3_650;

    private static final Instant DEFAULT_START = Instant.parse("2026-10-01T00:00:00Z");

    // Timestamps are formatted by hand with four-digit years.
    private static final Instant LATEST_END = Instant.parse("9999-12-31T23:59:59.999Z");

    public UsageDataConfig {
        Objects.requireNonNull(start, "start is null");
        if (start.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("start[%s] must not be before 1970".formatted(start));
        }
        if (!start.truncatedTo(ChronoUnit.MILLIS).equals(start)) {
            throw new IllegalArgumentException("start[%s] must be whole milliseconds".formatted(start));
        }
        if (days <= 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days[%d] must be between 1 and %d".formatted(days, MAX_DAYS));
        }
        if (start.plus(days, ChronoUnit.DAYS).isAfter(LATEST_END)) {
            throw new IllegalArgumentException(
                    "start[%s] plus days[%d] must end before the year 10000".formatted(start, days));
        }
        if (events < 0) {
            throw new IllegalArgumentException("events[%d] must not be negative".formatted(events));
        }
        if (accounts <= 0) {
            throw new IllegalArgumentException("accounts[%d] must be positive".formatted(accounts));
        }
        if (accounts > MAX_ACCOUNTS) {
            throw new IllegalArgumentException(
                    "accounts[%d] must be at most %d because account ids have five digits".formatted(accounts,
                            MAX_ACCOUNTS));
        }
        if (apiNames <= 0 || apiNames > UsageCatalog.API_NAMES.size()) {
            throw new IllegalArgumentException("apiNames[%d] must be between 1 and %d".formatted(apiNames,
                    UsageCatalog.API_NAMES.size()));
        }
        if (bundles < 0 || bundles > UsageCatalog.BUNDLE_NAMES.size()) {
            throw new IllegalArgumentException("bundles[%d] must be between 0 and %d".formatted(bundles,
                    UsageCatalog.BUNDLE_NAMES.size()));
        }
        if (!Double.isFinite(zipfExponent) || zipfExponent < 0) {
            throw new IllegalArgumentException(
                    "zipfExponent[%s] must be finite and not negative".formatted(zipfExponent));
        }
    }

    /**
     * Thirty days of October 2026 traffic from 10,000 accounts over 12 APIs and 15 bundles, seed 42, Zipf exponent
     * 1.1 (the top account gets roughly a tenth of all calls, as in real API businesses).
     */
    public static UsageDataConfig defaults(long events) {
        return new UsageDataConfig(42, DEFAULT_START, 30, events, 10_000, UsageCatalog.API_NAMES.size(),
                UsageCatalog.BUNDLE_NAMES.size(), 1.1);
    }

    public UsageDataConfig withSeed(long newSeed) {
        return new UsageDataConfig(newSeed, start, days, events, accounts, apiNames, bundles, zipfExponent);
    }

    public UsageDataConfig withEvents(long newEvents) {
        return new UsageDataConfig(seed, start, days, newEvents, accounts, apiNames, bundles, zipfExponent);
    }

    /** Exclusive end of the generated interval. */
    public Instant end() {
        return start.plus(days, ChronoUnit.DAYS);
    }
}
