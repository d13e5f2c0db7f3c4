package io.strata.sample;

/**
 * A long-tailed multiplier with median 1: the log-logistic distribution, close to log-normal in the body but with a
 * heavier tail, like real API latencies (shape 3 puts p99 at about 4.6 and p99.9 at 10). Its inverse CDF is tabulated
 * once and interpolated, which is fast and gives the same values on every platform. Immutable.
 */
final class LongTail {

    private static final int STEPS = 1024;

    private final double[] quantiles = new double[STEPS + 1];

    LongTail(double shape) {
        if (!(shape > 0) || !Double.isFinite(shape)) {
            throw new IllegalArgumentException("shape[%s] must be positive and finite".formatted(shape));
        }
        for (int i = 0; i <= STEPS; i++) {
            // The ends map to 0 and infinity, so they use the middle of their first and last step instead.
            double u = i == 0 ? 0.5 / STEPS : i == STEPS ? 1 - 0.5 / STEPS : (double) i / STEPS;
            quantiles[i] = StrictMath.pow(u / (1 - u), 1 / shape);
        }
    }

    /** @param u uniform in [0, 1) */
    double multiplier(double u) {
        double position = u * STEPS;
        int i = (int) position;
        double fraction = position - i;
        return quantiles[i] + fraction * (quantiles[i + 1] - quantiles[i]);
    }
}
