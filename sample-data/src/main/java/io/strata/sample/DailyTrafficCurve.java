package io.strata.sample;

/**
 * Maps a quantile of the traffic in [start, end) to a timestamp, with more traffic in UTC daytime (Europe and the
 * Americas awake) and less at weekends. The interval is cut at every UTC hour; each piece weighs its hour-of-day
 * factor times its weekday factor times its length, and time is spread evenly inside a piece.
 *
 * <p>Callers pass non-decreasing quantiles, so a cursor walks the pieces forward instead of searching them, and each
 * result is at least the previous one. One thread at a time.
 */
final class DailyTrafficCurve {

    private static final long HOUR_MILLIS = 3_600_000L;

    private static final long DAY_MILLIS = 24 * HOUR_MILLIS;

    private static final double WEEKEND_FACTOR = 0.6;

    private final long[] pieceStart;

    // massBefore[i] is the weight of all pieces before piece i; massBefore[pieces] is the total.
    private final double[] massBefore;

    private int piece;

    private long previous;

    DailyTrafficCurve(long startMillis, long endMillis) {
        if (endMillis <= startMillis) {
            throw new IllegalArgumentException(
                    "endMillis[%d] must be after startMillis[%d]".formatted(endMillis, startMillis));
        }
        int pieces = 0;
        for (long t = startMillis; t < endMillis; t = nextHour(t)) {
            pieces++;
        }
        pieceStart = new long[pieces + 1];
        massBefore = new double[pieces + 1];
        int i = 0;
        for (long t = startMillis; t < endMillis; i++) {
            long pieceEnd = Math.min(endMillis, nextHour(t));
            pieceStart[i] = t;
            massBefore[i + 1] = massBefore[i] + intensity(t) * (pieceEnd - t);
            t = pieceEnd;
        }
        pieceStart[pieces] = endMillis;
        previous = startMillis;
    }

    private static long nextHour(long millis) {
        return (Math.floorDiv(millis, HOUR_MILLIS) + 1) * HOUR_MILLIS;
    }

    /** Relative traffic at an instant: peaks at 13-16 UTC, when Europe and the US east coast overlap. */
    static double intensity(long millis) {
        int hour = (int) Math.floorMod(millis, DAY_MILLIS) / (int) HOUR_MILLIS;
        double hourly = switch (hour) {
            case 0 -> 0.55;
            case 1 -> 0.45;
            case 2 -> 0.38;
            case 3 -> 0.33;
            case 4 -> 0.32;
            case 5 -> 0.36;
            case 6 -> 0.45;
            case 7 -> 0.60;
            case 8 -> 0.75;
            case 9 -> 0.85;
            case 10 -> 0.90;
            case 11 -> 0.92;
            case 12 -> 0.95;
            case 13, 14, 15 -> 1.00;
            case 16 -> 0.98;
            case 17 -> 0.95;
            case 18 -> 0.90;
            case 19 -> 0.85;
            case 20 -> 0.80;
            case 21 -> 0.75;
            case 22 -> 0.70;
            default -> 0.62;
        };
        // 1970-01-01 was a Thursday, so epoch day 2 was a Saturday.
        long dayOfWeekFromSaturday = Math.floorMod(Math.floorDiv(millis, DAY_MILLIS) - 2, 7);
        return dayOfWeekFromSaturday < 2 ? hourly * WEEKEND_FACTOR : hourly;
    }

    /**
     * @param quantile in [0, 1), not less than in the previous call
     * @return a timestamp in [start, end), not less than the previous result
     */
    long timestampAt(double quantile) {
        int last = pieceStart.length - 2;
        double target = quantile * massBefore[last + 1];
        while (piece < last && massBefore[piece + 1] <= target) {
            piece++;
        }
        long start = pieceStart[piece];
        long length = pieceStart[piece + 1] - start;
        double fraction = (target - massBefore[piece]) / (massBefore[piece + 1] - massBefore[piece]);
        long timestamp = start + (long) (fraction * length);
        // Floating-point rounding may nudge a result out of its piece or below the previous one; the contract wins.
        timestamp = Math.max(previous, Math.min(timestamp, start + length - 1));
        previous = timestamp;
        return timestamp;
    }
}
