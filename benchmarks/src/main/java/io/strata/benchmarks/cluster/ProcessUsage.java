package io.strata.benchmarks.cluster;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time and garbage-collection pause time of this JVM so far: the nodes and the clients
 * together, since they share the process. Differences of two samples show how busy a stretch
 * kept the machine's cores and how long the collector stopped it.
 */
record ProcessUsage(Duration cpu, Duration gcPauses) {

	static ProcessUsage now() {
		Duration cpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
		long gcMillis = 0;
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			// G1 reports its concurrent marking as a collector of its own: time beside the
			// application, not a pause
			if (!collector.getName().contains("Concurrent")) {
				gcMillis += Math.max(0, collector.getCollectionTime());
			}
		}
		return new ProcessUsage(cpu, Duration.ofMillis(gcMillis));
	}

	ProcessUsage minus(ProcessUsage before) {
		return new ProcessUsage(this.cpu.minus(before.cpu), this.gcPauses.minus(before.gcPauses));
	}

}
