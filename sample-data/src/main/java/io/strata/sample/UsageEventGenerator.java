package io.strata.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;

/**
 * Yields exactly {@link UsageDataConfig#events()} usage events in non-decreasing timestamp order. Every value comes
 * from one SplitMix64 stream seeded with {@link UsageDataConfig#seed()}, drawn in a fixed order, so equal configs give
 * equal sequences on every JDK and platform.
 *
 * <p>The shape: event {@code i} gets the traffic quantile {@code (i + u) / events}, mapped through a daily cycle
 * ({@link DailyTrafficCurve}); the account is Zipf-distributed; the API, status code, bundles and source follow fixed
 * weights; plan and region belong to the account; latency is long-tailed and grows with bundles; response size grows
 * with the bundles returned. Changing any weight changes every data set, so treat them like a file format.
 *
 * <p>Not thread-safe: one generator per thread. Building one costs O(accounts + days * 24 + 2^bundles).
 */
public final class UsageEventGenerator implements Iterator<UsageEvent> {

    private static final int MAX_BUNDLES_PER_EVENT = 3;

    private static final double BATCH_SHARE = 0.03;

    private static final double SLOW_SHARE = 0.01;

    private static final double SLOW_FACTOR = 8;

    private static final long MIN_LATENCY_MS = 5;

    private static final long MAX_LATENCY_MS = 5_000;

    private static final long MIN_BYTES = 200;

    private static final long MAX_BYTES = 50_000;

    private final UsageDataConfig config;

    private final SplitMix64 random;

    private final AccountTable accounts;

    private final DailyTrafficCurve curve;

    private final WeightedChoice apiChoice;

    private final double[] apiMedianLatencyMs = { 120, 150, 90, 60, 45, 70, 25, 110, 200, 220, 160, 80 };

    private final WeightedChoice statusChoice = new WeightedChoice(85, 9, 4, 2);

    private final int[] statusCodes = { 200, 404, 429, 500 };

    private final WeightedChoice bundleCountChoice = new WeightedChoice(20, 35, 28, 17);

    private final int maxBundles;

    private final WeightedChoice bundleChoice;

    private final double[] bundleBaseBytes = { 1_800, 4_200, 1_500, 6_000, 2_500, 3_500, 5_000, 3_000, 2_200, 2_000,
            9_000, 2_600, 7_000, 4_000, 3_200 };

    // Every returned bundle set is one of these shared immutable lists, so events allocate no lists.
    private final List<List<String>> bundleLists = new ArrayList<>();

    private final int[] bundleListByMask;

    private final LongTail latencyTail = new LongTail(3);

    private long emitted;

    public UsageEventGenerator(UsageDataConfig config) {
        this.config = Objects.requireNonNull(config, "config is null");
        random = new SplitMix64(config.seed());
        accounts = new AccountTable(config.accounts(), config.zipfExponent(), random);
        curve = new DailyTrafficCurve(config.start().toEpochMilli(), config.end().toEpochMilli());
        double[] apiWeights = { 30, 18, 12, 9, 7, 6, 5, 4, 3, 2.5, 2, 1.5 };
        apiChoice = new WeightedChoice(Arrays.copyOf(apiWeights, config.apiNames()));
        double[] bundleWeights = { 20, 16, 14, 12, 10, 8, 7, 6, 5, 4, 3.5, 3, 2.5, 2, 1.5 };
        maxBundles = Math.min(MAX_BUNDLES_PER_EVENT, config.bundles());
        // With no bundles configured the choice is never consulted, but a field that is never null is simpler.
        bundleChoice = config.bundles() == 0 ? new WeightedChoice(1)
                : new WeightedChoice(Arrays.copyOf(bundleWeights, config.bundles()));
        bundleListByMask = new int[1 << config.bundles()];
        for (int mask = 0; mask < bundleListByMask.length; mask++) {
            if (Integer.bitCount(mask) > maxBundles) {
                bundleListByMask[mask] = -1;
                continue;
            }
            List<String> names = new ArrayList<>();
            for (int bundle = 0; bundle < config.bundles(); bundle++) {
                if ((mask & (1 << bundle)) != 0) {
                    names.add(UsageCatalog.BUNDLE_NAMES.get(bundle));
                }
            }
            names.sort(null);
            bundleListByMask[mask] = bundleLists.size();
            bundleLists.add(List.copyOf(names));
        }
    }

    public UsageDataConfig config() {
        return config;
    }

    @Override
    public boolean hasNext() {
        return emitted < config.events();
    }

    @Override
    public UsageEvent next() {
        if (emitted >= config.events()) {
            throw new NoSuchElementException("all events[%d] were already generated".formatted(config.events()));
        }
        // Stratified: event i falls in the i-th of `events` equal slices of traffic, so timestamps never decrease.
        double quantile = (emitted + random.nextDouble()) / config.events();
        emitted++;
        long timestamp = curve.timestampAt(quantile);
        int rank = accounts.pickRank(random.nextDouble());
        int api = apiChoice.pick(random.nextDouble());
        int statusCode = statusCodes[statusChoice.pick(random.nextDouble())];
        int bundleMask = statusCode == 200 ? pickBundles() : 0;
        long bytes = statusCode == 200 ? successBytes(bundleMask) : MIN_BYTES + random.nextInt(400);
        String source = random.nextDouble() < BATCH_SHARE ? "batch" : "api";
        String userId = accounts.pickUser(rank, random.nextDouble());
        long latencyMs = latencyMs(api, statusCode, Integer.bitCount(bundleMask));
        return new UsageEvent(eventId(), timestamp, accounts.id(rank), UsageCatalog.API_NAMES.get(api), statusCode,
                bundleLists.get(bundleListByMask[bundleMask]), source, accounts.regionOfRank(rank),
                accounts.planOfRank(rank), userId, latencyMs, bytes);
    }

    /** Distinct bundles as a bit mask over the catalog. */
    private int pickBundles() {
        int count = Math.min(maxBundles, bundleCountChoice.pick(random.nextDouble()));
        int mask = 0;
        for (int k = 0; k < count; k++) {
            int bundle = -1;
            for (int attempt = 0; attempt < 8 && bundle < 0; attempt++) {
                int candidate = bundleChoice.pick(random.nextDouble());
                if ((mask & (1 << candidate)) == 0) {
                    bundle = candidate;
                }
            }
            if (bundle < 0) {
                // Bounds the loop when few bundles are configured and one dominates: take the first unused one.
                bundle = Integer.numberOfTrailingZeros(~mask);
            }
            mask |= 1 << bundle;
        }
        return mask;
    }

    private long successBytes(int bundleMask) {
        double bytes = 600 + random.nextInt(1_200);
        for (int rest = bundleMask; rest != 0; rest &= rest - 1) {
            bytes += bundleBaseBytes[Integer.numberOfTrailingZeros(rest)] * (0.5 + random.nextDouble());
        }
        return Math.clamp((long) bytes, MIN_BYTES, MAX_BYTES);
    }

    private long latencyMs(int api, int statusCode, int bundleCount) {
        double median = switch (statusCode) {
            // Rate limiting answers at the edge, before any lookup.
            case 429 -> 8;
            case 404 -> apiMedianLatencyMs[api] * 0.6;
            case 500 -> apiMedianLatencyMs[api] * 2;
            default -> apiMedianLatencyMs[api] * (1 + 0.2 * bundleCount);
        };
        double latency = median * latencyTail.multiplier(random.nextDouble());
        if (random.nextDouble() < SLOW_SHARE) {
            // Cold caches and upstream retries: the bump in the tail that dashboards are built to show.
            latency *= SLOW_FACTOR;
        }
        return Math.clamp(Math.round(latency), MIN_LATENCY_MS, MAX_LATENCY_MS);
    }

    /** A version 4, IETF variant UUID made of the next 122 random bits. */
    private String eventId() {
        long high = (random.nextLong() & ~0xf000L) | 0x4000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
