package io.strata.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time and collector pause time of this JVM so far: a benchmark's load generators and the
 * servers it measures together, since they share the process. The difference of two samples over
 * a phase says how many cores the phase kept busy.
 */
public record ProcessUsage(Duration cpu, Duration gcPauses) {

	public static ProcessUsage now() {
		Duration cpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
		long gcMillis = 0;
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			// G1's concurrent marking runs beside the application: not a pause
			if (!collector.getName().contains("Concurrent")) {
				gcMillis += Math.max(0, collector.getCollectionTime());
			}
		}
		return new ProcessUsage(cpu, Duration.ofMillis(gcMillis));
	}

	public ProcessUsage minus(ProcessUsage before) {
		return new ProcessUsage(this.cpu.minus(before.cpu), this.gcPauses.minus(before.gcPauses));
	}

	/** Cores kept busy on average over {@code seconds} of wall-clock time. */
	public double cores(double seconds) {
		return this.cpu.toNanos() / 1e9 / seconds;
	}

}
