package io.strata.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageEventGeneratorTest {

    private static final int EVENTS = 200_000;

    private static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private final UsageDataConfig config = UsageDataConfig.defaults(EVENTS);

    private List<UsageEvent> events;

    @BeforeAll
    void generate() {
        events = generate(config);
    }

    private static List<UsageEvent> generate(UsageDataConfig config) {
        List<UsageEvent> generated = new ArrayList<>();
        UsageEventGenerator generator = new UsageEventGenerator(config);
        while (generator.hasNext()) {
            generated.add(generator.next());
        }
        return generated;
    }

    private static byte[] ndjson(UsageDataConfig config) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NdjsonWriter().write(new UsageEventGenerator(config), out);
        return out.toByteArray();
    }

    @Test
    void yieldsExactlyTheConfiguredNumberOfEvents() {
        assertThat(events).hasSize(EVENTS);

        UsageEventGenerator generator = new UsageEventGenerator(config.withEvents(3));
        generator.next();
        generator.next();
        generator.next();
        assertThat(generator.hasNext()).isFalse();
        assertThatThrownBy(generator::next).isInstanceOf(NoSuchElementException.class)
                .hasMessage("all events[3] were already generated");
        assertThat(new UsageEventGenerator(config.withEvents(0)).hasNext()).isFalse();
    }

    @Test
    void sameConfigGivesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        UsageDataConfig small = config.withEvents(20_000);

        byte[] first = ndjson(small);
        assertThat(ndjson(small)).isEqualTo(first);
        assertThat(ndjson(small.withSeed(43))).isNotEqualTo(first);
    }

    @Test
    void defaultDataIsPinned() throws IOException, NoSuchAlgorithmException {
        // Any change to a weight or to the order of draws changes every data set and every benchmark result built on
        // one, so it must be deliberate: if it is, paste the new values here and say so in the commit.
        assertThat(new NdjsonWriter().toLine(events.getFirst())).isEqualTo("{\"eventId\":\"2e27219d-571b-4b6d-b4e7-"
                + "c3bf966d17ac\",\"timestamp\":\"2026-10-01T00:00:05.883Z\",\"accountId\":\"acct-07527\",\"apiName\":"
                + "\"company.enrich\",\"statusCode\":200,\"bundles\":[],\"source\":\"api\",\"region\":\"eu-west-1\","
                + "\"plan\":\"starter\",\"userId\":\"user-0246337\",\"latencyMs\":129,\"bytes\":860}");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(ndjson(config.withEvents(10_000)));
        assertThat(HexFormat.of().formatHex(digest))
                .isEqualTo("d674dddf2e3e12b6821874b3508cd9ffc5444f528a73d715f99b133f3f1da5c2");
    }

    @Test
    void timestampsNeverDecreaseAndStayInTheInterval() {
        assertOrderedWithin(events, config);

        // A start off the hour and a single day exercise the partial first and last hour.
        UsageDataConfig odd = new UsageDataConfig(7, Instant.parse("2027-03-14T15:09:26.535Z"), 1, 50_000, 100, 12,
                15, 1.1);
        assertOrderedWithin(generate(odd), odd);
    }

    private static void assertOrderedWithin(List<UsageEvent> events, UsageDataConfig config) {
        long start = config.start().toEpochMilli();
        long end = config.end().toEpochMilli();
        long previous = Long.MIN_VALUE;
        for (UsageEvent event : events) {
            assertThat(event.timestampMillis()).isGreaterThanOrEqualTo(previous).isGreaterThanOrEqualTo(start)
                    .isLessThan(end);
            previous = event.timestampMillis();
        }
        // Spread over the whole interval, not bunched at its start.
        assertThat(events.getFirst().timestampMillis() - start).isLessThan((end - start) / 1_000);
        assertThat(end - events.getLast().timestampMillis()).isLessThan((end - start) / 1_000);
    }

    @Test
    void trafficFollowsTheDailyCycle() {
        long afternoon = 0;
        long night = 0;
        int[] perDay = new int[config.days()];
        for (UsageEvent event : events) {
            ZonedDateTime time = Instant.ofEpochMilli(event.timestampMillis()).atZone(ZoneOffset.UTC);
            int hour = time.getHour();
            afternoon += hour >= 13 && hour < 16 ? 1 : 0;
            night += hour >= 2 && hour < 5 ? 1 : 0;
            perDay[time.getDayOfMonth() - 1]++;
        }
        assertThat(afternoon).isGreaterThan(2 * night);
        // 2026-10-03 is a Saturday, 2026-10-05 a Monday.
        assertThat(perDay[2]).isLessThan(perDay[4] * 3 / 4);
    }

    @Test
    void accountsAreZipfSkewed() {
        Map<String, Integer> perAccount = new HashMap<>();
        for (UsageEvent event : events) {
            perAccount.merge(event.accountId(), 1, Integer::sum);
        }
        int[] counts = perAccount.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        int top = counts[counts.length - 1];
        // Accounts without a single event count toward the median too.
        int medianIndex = config.accounts() / 2 - (config.accounts() - counts.length);
        int median = medianIndex < 0 ? 0 : counts[medianIndex];

        assertThat(top).isGreaterThan(EVENTS / 20).isGreaterThan(100 * Math.max(1, median));
        assertThat(perAccount).hasSizeGreaterThan(config.accounts() / 2);
        assertThat(perAccount.keySet()).allMatch(id -> id.matches("acct-\\d{5}"));
    }

    @Test
    void zipfExponentZeroSpreadsTrafficEvenly() {
        UsageDataConfig uniform = new UsageDataConfig(1, config.start(), 30, 100_000, 100, 12, 15, 0);
        Map<String, Integer> perAccount = new HashMap<>();
        for (UsageEvent event : generate(uniform)) {
            perAccount.merge(event.accountId(), 1, Integer::sum);
        }
        assertThat(perAccount).hasSize(100);
        assertThat(perAccount.values()).allMatch(count -> count > 850 && count < 1_150);
    }

    @Test
    void statusCodesFollowTheirShares() {
        Map<Integer, Integer> perStatus = new TreeMap<>();
        for (UsageEvent event : events) {
            perStatus.merge(event.statusCode(), 1, Integer::sum);
        }
        assertThat(perStatus.keySet()).containsExactly(200, 404, 429, 500);
        assertShare(perStatus.get(200), 0.85, 0.005);
        assertShare(perStatus.get(404), 0.09, 0.004);
        assertShare(perStatus.get(429), 0.04, 0.003);
        assertShare(perStatus.get(500), 0.02, 0.002);
    }

    private static void assertShare(long count, double expected, double tolerance) {
        assertThat((double) count / EVENTS).isBetween(expected - tolerance, expected + tolerance);
    }

    @Test
    void bundlesAreDistinctSortedAndOnlyOnSuccess() {
        int[] bySize = new int[4];
        for (UsageEvent event : events) {
            List<String> bundles = event.bundles();
            if (event.statusCode() != 200) {
                assertThat(bundles).isEmpty();
                continue;
            }
            assertThat(bundles).hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates().isSorted()
                    .isSubsetOf(UsageCatalog.BUNDLE_NAMES);
            bySize[bundles.size()]++;
        }
        for (int size = 0; size < bySize.length; size++) {
            assertThat(bySize[size]).as("successes with %d bundles", size).isGreaterThan(10_000);
        }
    }

    @Test
    void fewerConfiguredBundlesAndApisNarrowTheChoice() {
        UsageDataConfig narrow = new UsageDataConfig(3, config.start(), 2, 20_000, 50, 1, 1, 1.1);
        for (UsageEvent event : generate(narrow)) {
            assertThat(event.apiName()).isEqualTo("person.enrich");
            assertThat(event.bundles()).isSubsetOf("demographics");
        }
        UsageDataConfig none = new UsageDataConfig(3, config.start(), 2, 20_000, 50, 3, 0, 1.1);
        for (UsageEvent event : generate(none)) {
            assertThat(event.apiName()).isIn("person.enrich", "company.enrich", "identity.resolve");
            assertThat(event.bundles()).isEmpty();
        }
    }

    @Test
    void apisAreSkewedTowardTheFirstOnes() {
        Map<String, Integer> perApi = new HashMap<>();
        for (UsageEvent event : events) {
            perApi.merge(event.apiName(), 1, Integer::sum);
        }
        assertThat(perApi.keySet()).containsExactlyInAnyOrderElementsOf(UsageCatalog.API_NAMES);
        assertThat(perApi.get("person.enrich")).isGreaterThan(10 * perApi.get("fraud.score"));
        assertShare(perApi.get("person.enrich") + perApi.get("company.enrich") + perApi.get("identity.resolve"), 0.60,
                0.01);
    }

    @Test
    void planAndRegionBelongToTheAccount() {
        Map<String, String> planOf = new HashMap<>();
        Map<String, String> regionOf = new HashMap<>();
        for (UsageEvent event : events) {
            assertThat(planOf.computeIfAbsent(event.accountId(), id -> event.plan())).isEqualTo(event.plan());
            assertThat(regionOf.computeIfAbsent(event.accountId(), id -> event.region())).isEqualTo(event.region());
        }
        assertThat(Set.copyOf(planOf.values())).containsExactlyInAnyOrderElementsOf(UsageCatalog.PLANS);
        assertThat(Set.copyOf(regionOf.values())).containsExactlyInAnyOrderElementsOf(UsageCatalog.REGIONS);

        // Plan and region follow from the account number, whatever the seed.
        for (UsageEvent event : generate(config.withSeed(99).withEvents(5_000))) {
            if (planOf.containsKey(event.accountId())) {
                assertThat(event.plan()).isEqualTo(planOf.get(event.accountId()));
                assertThat(event.region()).isEqualTo(regionOf.get(event.accountId()));
            }
        }
        long enterprise = 0;
        for (int number = 1; number <= 10_000; number++) {
            enterprise += AccountTable.plan(number).equals("enterprise") ? 1 : 0;
        }
        assertThat(enterprise).isBetween(300L, 700L);
    }

    @Test
    void usersAreManyAndBelongToOneAccount() {
        Map<String, String> accountOf = new HashMap<>();
        Map<String, Set<String>> usersOf = new HashMap<>();
        for (UsageEvent event : events) {
            assertThat(event.userId()).matches("user-\\d{7}");
            assertThat(accountOf.computeIfAbsent(event.userId(), id -> event.accountId()))
                    .isEqualTo(event.accountId());
            usersOf.computeIfAbsent(event.accountId(), id -> new HashSet<>()).add(event.userId());
        }
        assertThat(accountOf).hasSizeGreaterThan(EVENTS / 4);
        assertThat(usersOf.values().stream().mapToInt(Set::size).max().orElseThrow()).isGreaterThan(2_000);
    }

    @Test
    void sourceIsMostlyApi() {
        long batch = events.stream().filter(event -> event.source().equals("batch")).count();
        assertThat(events).allMatch(event -> event.source().equals("api") || event.source().equals("batch"));
        assertShare(batch, 0.03, 0.003);
    }

    @Test
    void latencyIsLongTailedAndBytesGrowWithBundles() {
        long[] latencies = events.stream().mapToLong(UsageEvent::latencyMs).sorted().toArray();
        long median = latencies[latencies.length / 2];
        long p99 = latencies[latencies.length * 99 / 100];
        assertThat(latencies[0]).isGreaterThanOrEqualTo(5);
        assertThat(latencies[latencies.length - 1]).isLessThanOrEqualTo(5_000);
        assertThat(median).isBetween(50L, 250L);
        assertThat(p99).isGreaterThan(4 * median);

        long[] bytesSum = new long[4];
        long[] bytesCount = new long[4];
        for (UsageEvent event : events) {
            assertThat(event.bytes()).isBetween(200L, 50_000L);
            if (event.statusCode() == 200) {
                bytesSum[event.bundles().size()] += event.bytes();
                bytesCount[event.bundles().size()]++;
            }
        }
        double[] mean = new double[4];
        for (int i = 0; i < 4; i++) {
            mean[i] = (double) bytesSum[i] / bytesCount[i];
        }
        assertThat(mean).isSorted();
        assertThat(mean[3]).isGreaterThan(4 * mean[0]);
    }

    @Test
    void eventIdsAreUniqueVersionFourUuids() {
        Set<String> ids = new HashSet<>();
        for (UsageEvent event : events) {
            assertThat(event.eventId()).hasSize(36).matches(UUID_V4);
            ids.add(event.eventId());
        }
        assertThat(ids).hasSize(EVENTS);
    }

    @Test
    void sampledWeightsStayExact() {
        // The guide tables must not change which index a draw picks: compare against a plain scan.
        WeightedChoice choice = new WeightedChoice(30, 18, 12, 9, 7, 6, 5, 4, 3, 2.5, 2, 1.5);
        double[] weights = { 30, 18, 12, 9, 7, 6, 5, 4, 3, 2.5, 2, 1.5 };
        double total = plainSum(weights);
        ZipfSampler zipf = new ZipfSampler(1_000, 1.1);
        double[] zipfWeights = new double[1_000];
        for (int rank = 0; rank < 1_000; rank++) {
            zipfWeights[rank] = ZipfSampler.weight(rank, 1.1);
        }
        double zipfTotal = plainSum(zipfWeights);
        SplitMix64 random = new SplitMix64(5);
        for (int i = 0; i < 20_000; i++) {
            double u = random.nextDouble();
            assertThat(choice.pick(u)).isEqualTo(scan(u, weights, total));
            assertThat(zipf.pick(u)).isEqualTo(scan(u, zipfWeights, zipfTotal));
        }
        assertThat(choice.pick(0)).isZero();
        assertThat(choice.pick(Math.nextDown(1.0))).isEqualTo(11);
        assertThat(zipf.pick(0)).isZero();
        assertThat(zipf.pick(Math.nextDown(1.0))).isEqualTo(999);
    }

    // Not DoubleStream.sum, which compensates rounding and so differs from the samplers' running sums.
    private static double plainSum(double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        return sum;
    }

    private static int scan(double u, double[] weights, double total) {
        double sum = 0;
        for (int i = 0; i < weights.length - 1; i++) {
            sum += weights[i];
            if (u < sum / total) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
