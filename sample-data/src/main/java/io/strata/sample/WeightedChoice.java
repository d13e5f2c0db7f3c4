package io.strata.sample;

/**
 * Picks an index with probability proportional to its weight, in O(1) on average: a guide table (Chen's method) gives
 * the first index that can match a draw's 1/64th of [0, 1), and a short forward scan of the cumulative probabilities
 * finishes the job. Exact, unlike quantizing the weights into a lookup table. Immutable.
 */
final class WeightedChoice {

    // A power of two, so that u * GUIDE_SLOTS and k / GUIDE_SLOTS are exact.
    private static final int GUIDE_SLOTS = 64;

    private final double[] cumulative;

    // guide[k] is the first index whose cumulative probability exceeds k / GUIDE_SLOTS.
    private final int[] guide = new int[GUIDE_SLOTS];

    WeightedChoice(double... weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("weights must not be empty");
        }
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] > 0) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException(
                        "weight[%s] at index[%d] must be positive and finite".formatted(weights[i], i));
            }
            total += weights[i];
        }
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum / total;
        }
        // The last index must win every draw left over, even if rounding left its cumulative value a hair under 1.
        cumulative[weights.length - 1] = 1.0;
        int index = 0;
        for (int k = 0; k < GUIDE_SLOTS; k++) {
            while (cumulative[index] <= (double) k / GUIDE_SLOTS) {
                index++;
            }
            guide[k] = index;
        }
    }

    int size() {
        return cumulative.length;
    }

    /** @param u uniform in [0, 1) */
    int pick(double u) {
        int index = guide[(int) (u * GUIDE_SLOTS)];
        while (u >= cumulative[index]) {
            index++;
        }
        return index;
    }
}
