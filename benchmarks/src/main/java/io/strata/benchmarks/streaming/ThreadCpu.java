package io.strata.benchmarks.streaming;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time of every live thread of this JVM at one moment. The ingestion-rate run compares two of
 * them to find the thread that worked most in between, the task's reading thread, and so to say
 * how much of a core one task used: everything shares the process, so the process CPU alone cannot
 * tell the task from the broker feeding it.
 */
record ThreadCpu(Map<Long, Long> cpuNanos, Map<Long, String> names) {

	ThreadCpu {
		cpuNanos = Map.copyOf(cpuNanos);
		names = Map.copyOf(names);
	}

	static ThreadCpu now() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<Long, Long> cpu = new HashMap<>();
		Map<Long, String> names = new HashMap<>();
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info == null) {
				continue;
			}
			long nanos = threads.getThreadCpuTime(info.getThreadId());
			if (nanos >= 0) {
				cpu.put(info.getThreadId(), nanos);
				names.put(info.getThreadId(), info.getThreadName());
			}
		}
		return new ThreadCpu(cpu, names);
	}

	/** The thread alive at both moments that used the most CPU from {@code before} to this one. */
	Optional<Busiest> busiestSince(ThreadCpu before) {
		Busiest busiest = null;
		for (Map.Entry<Long, Long> entry : this.cpuNanos.entrySet()) {
			Long earlier = before.cpuNanos.get(entry.getKey());
			if (earlier == null) {
				continue;
			}
			long used = entry.getValue() - earlier;
			if (busiest == null || used > busiest.cpuNanos()) {
				busiest = new Busiest(this.names.get(entry.getKey()), used);
			}
		}
		return Optional.ofNullable(busiest);
	}

	/** A thread's name and the CPU nanoseconds it used between two samples. */
	record Busiest(String name, long cpuNanos) {

	}

}
