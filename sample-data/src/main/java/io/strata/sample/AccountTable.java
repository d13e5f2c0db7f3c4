package io.strata.sample;

import java.nio.charset.StandardCharsets;

/**
 * The accounts of one generator, indexed by traffic rank (rank 0 calls most). Which account number holds which rank
 * follows from the seed; an account's plan and home region follow from its number alone, so they are the same in
 * every data set. Each rank owns a disjoint range of user numbers, larger for busier accounts. Immutable.
 */
final class AccountTable {

    /** User numbers are drawn from about this many users in total. */
    static final int USER_SPACE = 2_000_000;

    // Busier accounts have more users, but fewer than in proportion to their calls: per-user call counts also grow.
    private static final double USER_SHARE_EXPONENT = 0.5;

    private static final WeightedChoice PLAN_CHOICE = new WeightedChoice(55, 25, 15, 5);

    private static final WeightedChoice REGION_CHOICE = new WeightedChoice(35, 20, 15, 12, 10, 8);

    private final ZipfSampler traffic;

    private final String[] ids;

    private final String[] plans;

    private final String[] regions;

    private final int[] firstUser;

    private final int[] userCount;

    AccountTable(int accounts, double zipfExponent, SplitMix64 random) {
        traffic = new ZipfSampler(accounts, zipfExponent);
        int[] numberByRank = new int[accounts];
        for (int i = 0; i < accounts; i++) {
            numberByRank[i] = i + 1;
        }
        // Fisher-Yates, so that the busiest account is not always acct-00001.
        for (int i = accounts - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = numberByRank[i];
            numberByRank[i] = numberByRank[j];
            numberByRank[j] = swap;
        }
        ids = new String[accounts];
        plans = new String[accounts];
        regions = new String[accounts];
        for (int rank = 0; rank < accounts; rank++) {
            int number = numberByRank[rank];
            ids[rank] = accountId(number);
            plans[rank] = plan(number);
            regions[rank] = region(number);
        }
        firstUser = new int[accounts];
        userCount = new int[accounts];
        double totalShare = 0;
        for (int rank = 0; rank < accounts; rank++) {
            totalShare += userShare(rank, zipfExponent);
        }
        int next = 1;
        for (int rank = 0; rank < accounts; rank++) {
            int count = Math.max(1, (int) (USER_SPACE * userShare(rank, zipfExponent) / totalShare));
            firstUser[rank] = next;
            userCount[rank] = count;
            next += count;
        }
    }

    private static double userShare(int rank, double zipfExponent) {
        return StrictMath.pow(ZipfSampler.weight(rank, zipfExponent), USER_SHARE_EXPONENT);
    }

    static String accountId(int number) {
        return zeroPadded("acct-", number, 5);
    }

    static String userId(int number) {
        return zeroPadded("user-", number, 7);
    }

    /** The plan of an account, a pure function of its number. */
    static String plan(int number) {
        return UsageCatalog.PLANS.get(PLAN_CHOICE.pick(SplitMix64.unitDouble(number * 0x2545f4914f6cdd1dL)));
    }

    /** The home region of an account, a pure function of its number. */
    static String region(int number) {
        return UsageCatalog.REGIONS.get(REGION_CHOICE.pick(SplitMix64.unitDouble(number * 0x9e3779b97f4a7c15L + 1)));
    }

    /** Runs once per event for user ids, hence bytes by hand rather than String.format. */
    private static String zeroPadded(String asciiPrefix, int number, int digits) {
        int prefixLength = asciiPrefix.length();
        byte[] text = new byte[prefixLength + digits];
        for (int i = 0; i < prefixLength; i++) {
            text[i] = (byte) asciiPrefix.charAt(i);
        }
        int rest = number;
        for (int i = text.length - 1; i >= prefixLength; i--) {
            text[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        if (rest != 0 || number < 0) {
            throw new IllegalArgumentException("number[%d] does not fit in %d digits".formatted(number, digits));
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    int pickRank(double u) {
        return traffic.pick(u);
    }

    String id(int rank) {
        return ids[rank];
    }

    String planOfRank(int rank) {
        return plans[rank];
    }

    String regionOfRank(int rank) {
        return regions[rank];
    }

    /**
     * A user of the account, skewed so that low user numbers within the account are the most active (u squared).
     *
     * @param u uniform in [0, 1)
     */
    String pickUser(int rank, double u) {
        return userId(firstUser[rank] + (int) (userCount[rank] * (u * u)));
    }
}
