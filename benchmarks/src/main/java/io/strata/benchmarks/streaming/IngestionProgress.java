package io.strata.benchmarks.streaming;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.strata.engine.error.StrataException;

/**
 * Samples of a task's row count (events read: processed, unparseable and thrown away) taken while
 * it reads a pre-filled topic, and the rate they show. The clock runs from the first sample that
 * shows rows read to the first that shows all of them: the task's start-up (scheduling, consumer
 * creation) is not counted, and the rows already read at the first sample are not counted either,
 * so the sampling period biases neither end. Not thread-safe: one thread samples and reads.
 */
final class IngestionProgress {

	private final long total;

	private final List<long[]> samples = new ArrayList<>();

	/** @param total rows the topic holds: reading is over when a sample shows this many */
	IngestionProgress(long total) {
		if (total <= 0) {
			throw StrataException.invalidInput("total[%d] must be positive", total);
		}
		this.total = total;
	}

	/** Records that {@code rows} had been read at {@code nanos}; samples come in time order. */
	void sample(long nanos, long rows) {
		if (!this.samples.isEmpty()) {
			long[] last = this.samples.getLast();
			if (nanos - last[0] < 0 || rows < last[1]) {
				throw StrataException.defensive("Sample[%d rows at %d ns] goes back from [%d rows at %d ns]", rows, nanos,
						last[1], last[0]);
			}
		}
		this.samples.add(new long[] { nanos, rows });
	}

	boolean done() {
		return !this.samples.isEmpty() && this.samples.getLast()[1] >= this.total;
	}

	/** The time of the first sample that showed rows read; empty while none did. */
	Optional<Long> firstReadNanos() {
		return this.samples.stream().filter(sample -> sample[1] > 0).findFirst().map(sample -> sample[0]);
	}

	/**
	 * The rate from the first sample showing rows read to the first showing all, with the slowest
	 * and fastest stretch of at least {@code window} nanoseconds in between; empty until done, or
	 * when both are the same sample (all rows read before the first sample).
	 */
	Optional<IngestionRate> rate(long window) {
		if (!done()) {
			return Optional.empty();
		}
		int first = 0;
		while (this.samples.get(first)[1] == 0) {
			first++;
		}
		int last = first;
		while (this.samples.get(last)[1] < this.total) {
			last++;
		}
		if (last == first) {
			return Optional.empty();
		}
		long[] start = this.samples.get(first);
		long[] end = this.samples.get(last);
		double slowest = Double.POSITIVE_INFINITY;
		double fastest = 0;
		int windowStart = first;
		for (int i = first + 1; i <= last; i++) {
			long[] from = this.samples.get(windowStart);
			long[] to = this.samples.get(i);
			if (to[0] - from[0] >= window) {
				double perSecond = perSecond(to[1] - from[1], to[0] - from[0]);
				slowest = Math.min(slowest, perSecond);
				fastest = Math.max(fastest, perSecond);
				windowStart = i;
			}
		}
		double overall = perSecond(end[1] - start[1], end[0] - start[0]);
		if (fastest == 0) {
			// shorter than one window: the whole stretch is the only one
			slowest = overall;
			fastest = overall;
		}
		return Optional.of(new IngestionRate(end[1] - start[1], (end[0] - start[0]) / 1e9, overall, slowest, fastest));
	}

	private static double perSecond(long rows, long nanos) {
		return rows * 1e9 / nanos;
	}

	/**
	 * @param rows rows read between the first and the last sample counted
	 * @param seconds between those samples
	 * @param perSecond rows / seconds
	 * @param slowest the lowest rate of a stretch of at least one window
	 * @param fastest the highest rate of such a stretch
	 */
	record IngestionRate(long rows, double seconds, double perSecond, double slowest, double fastest) {

	}

}
