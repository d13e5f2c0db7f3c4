package io.strata.benchmarks.cluster;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import io.strata.benchmarks.LatencySummary;

/** Prints the runs as two Markdown tables, ready for docs/benchmarks.md. */
final class ResultTable {

	private ResultTable() {
	}

	static void print(PrintStream out, int clients, List<BenchmarkRun> runs) {
		out.println("| run | clients | queries | queries/s | p50 ms | p90 ms | p99 ms | max ms | errors | cache hits "
				+ "| busy cores | GC pauses ms |");
		out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
		for (BenchmarkRun run : runs) {
			PhaseResult measured = run.measured();
			LatencySummary all = measured.all();
			out.printf(Locale.ROOT, "| %s | %d | %,d | %,.1f | %.1f | %.1f | %.1f | %.1f | %d | %s | %.2f | %,d |%n",
					run.mode().label(), clients, measured.answered(), measured.queriesPerSecond(), all.p50(), all.p90(),
					all.p99(), all.max(), run.errors(), hits(run.cache()), run.busyCores(),
					run.usage().gcPauses().toMillis());
		}
		out.println();
		StringBuilder header = new StringBuilder("| query type: p50 / p99 ms (queries) |");
		StringBuilder rule = new StringBuilder("|---|");
		for (BenchmarkRun run : runs) {
			header.append(' ').append(run.mode().label()).append(" |");
			rule.append("---|");
		}
		out.println(header);
		out.println(rule);
		for (DashboardQuery type : DashboardQuery.values()) {
			StringBuilder row = new StringBuilder("| ").append(type.label()).append(" |");
			for (BenchmarkRun run : runs) {
				LatencySummary latency = run.measured().byType().get(type);
				row.append(String.format(Locale.ROOT, " %.1f / %.1f (%,d) |", latency.p50(), latency.p99(),
						latency.count()));
			}
			out.println(row);
		}
	}

	private static String hits(CacheCounters cache) {
		if (cache.lookups() == 0) {
			return "no lookups";
		}
		return String.format(Locale.ROOT, "%.1f %% of %,d segment lookups", 100.0 * cache.hits() / cache.lookups(),
				cache.lookups());
	}

}
