package io.strata.benchmarks.cluster;

import io.strata.benchmarks.ProcessUsage;
import java.util.Objects;

/**
 * One run of the mix: its warm-up, its measured stretch, and during the measured stretch the
 * broker cache lookups and the process's CPU and GC time.
 */
record BenchmarkRun(CacheMode mode, PhaseResult warmUp, PhaseResult measured, CacheCounters cache,
		ProcessUsage usage) {

	BenchmarkRun {
		Objects.requireNonNull(mode, "mode");
		Objects.requireNonNull(warmUp, "warmUp");
		Objects.requireNonNull(measured, "measured");
		Objects.requireNonNull(cache, "cache");
		Objects.requireNonNull(usage, "usage");
	}

	/** Cores kept busy on average while measuring (CPU seconds per second). */
	double busyCores() {
		return this.usage.cores(this.measured.seconds());
	}

	/** Failed queries of the whole run, warm-up included: every one must succeed. */
	long errors() {
		return this.warmUp.errors() + this.measured.errors();
	}

	/** The first failure's reason, or null when none failed. */
	String firstError() {
		return this.warmUp.firstError() != null ? this.warmUp.firstError() : this.measured.firstError();
	}

}
