package io.strata.benchmarks.cluster;

import io.strata.benchmarks.ProcessUsage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.strata.engine.error.StrataException;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.format.SegmentFileReader;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The cluster query benchmark of issue 4: a broker over two historicals, asked the usage
 * dashboard's per-account queries by several HTTP clients at once; queries per second and
 * client-side latency percentiles, with the broker's result cache bypassed and then in use.
 *
 * <p>
 * Steps: build (or reuse) 30 day segments of generated usage events; start ZooKeeper, the
 * metadata store, deep storage, a coordinator, a broker and two historicals in this JVM
 * ({@link BenchmarkCluster}); load every segment once ({@code _default_tier: 1}), so that the
 * broker must fan out to both historicals; check one query of each type against the engine
 * ({@link CorrectnessCheck}); then drive the {@link DashboardMix} twice, cache off and cache on,
 * each after a warm-up, and print the tables. Exits 1 when a check fails or any query fails, 2
 * on a bad command line. Usage: {@value BenchmarkOptions#USAGE}; run through
 * {@code bin/bench-cluster}.
 */
public final class ClusterBenchmark {

	/** Seeds the clients' query choices: the same queries in the same order on every run. */
	private static final long SEED = 4_2026;

	/** The mix asks for accounts among this many of the busiest. */
	private static final int ACCOUNTS = 200;

	private static final String RULES = """
			[{"type": "loadForever", "tieredReplicants": {"_default_tier": 1}}]""";

	private static final String ALL_DAYS = "2026-10-01/2026-10-31";

	private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(2);

	private ClusterBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkOptions options;
		try {
			options = BenchmarkOptions.parse(args);
		}
		catch (StrataException ex) {
			System.err.println(ex.getMessage());
			System.err.println(BenchmarkOptions.USAGE);
			System.exit(2);
			return;
		}
		// ZooKeeper starts before the first node configures logging: keep its start-up chatter out
		LoggingSystem logging = LoggingSystem.get(ClusterBenchmark.class.getClassLoader());
		logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
		logging.setLogLevel("org.apache.zookeeper", LogLevel.ERROR);
		int status = run(options, System.out);
		// the nodes are closed by now; exit also ends any thread a library left running
		System.exit(status);
	}

	/** Runs the benchmark, printing to {@code out}; returns the process exit status. */
	static int run(BenchmarkOptions options, PrintStream out) throws Exception {
		out.printf(Locale.ROOT, "cluster query benchmark: %,d events, %d clients, %d s warm-up + %d s measured per run, "
				+ "%d cores, %,d MB heap%n", options.events(), options.clients(), options.warmUp().toSeconds(),
				options.measure().toSeconds(), Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() >> 20);
		UsageSegmentFiles.Built built = new UsageSegmentFiles(options.work()).buildOrReuse(options.events());
		out.printf(Locale.ROOT, "%s %d day segments under %s in %.1f s%n", built.reused() ? "reused" : "built",
				built.files().size(), options.work().resolve("segments"), built.seconds());
		long start = System.nanoTime();
		try (BenchmarkCluster cluster = BenchmarkCluster.start(options.work().resolve("cluster"));
				BrokerClient broker = new BrokerClient(cluster.url(BenchmarkCluster.BROKER))) {
			out.printf(Locale.ROOT, "started ZooKeeper, H2, a coordinator, a broker and %d historicals in %.1f s%n",
					BenchmarkCluster.HISTORICALS.size(), seconds(start));
			if (!load(cluster, built.files(), out)) {
				return 1;
			}
			List<String> accounts;
			List<Segment> segments = open(built.files());
			try {
				accounts = TopAccounts.find(segments, ACCOUNTS);
				if (!check(broker, segments, accounts.getFirst(), out)) {
					return 1;
				}
			}
			finally {
				segments.forEach(Segment::close);
			}
			List<BenchmarkRun> runs = new ArrayList<>();
			LoadGenerator load = new LoadGenerator(broker, options.clients());
			for (CacheMode mode : CacheMode.values()) {
				runs.add(drive(cluster, load, new DashboardMix(accounts, mode), options, out));
			}
			out.println();
			ResultTable.print(out, options.clients(), runs);
			long errors = 0;
			for (BenchmarkRun run : runs) {
				if (run.errors() > 0) {
					out.printf(Locale.ROOT, "FAIL: %d queries failed with %s; the first: %s%n", run.errors(),
							run.mode().label(), run.firstError());
				}
				errors += run.errors();
			}
			return errors == 0 ? 0 : 1;
		}
	}

	/** Publishes the segments and waits until the broker serves them, spread over both historicals. */
	private static boolean load(BenchmarkCluster cluster, List<Path> files, PrintStream out) {
		long start = System.nanoTime();
		cluster.setRules(UsageSegmentFiles.DATA_SOURCE, RULES);
		cluster.publish(files);
		cluster.awaitBrokerServes(UsageSegmentFiles.DATA_SOURCE, ALL_DAYS, files.size(), LOAD_TIMEOUT);
		Map<String, Integer> served = cluster.servedByHistorical();
		out.printf(Locale.ROOT, "published; the broker serves all %d segments after %.1f s, one copy each: %s%n",
				files.size(), seconds(start), served);
		if (served.values().stream().anyMatch(count -> count == 0)) {
			out.println("FAIL: a historical serves no segment, so the broker would not fan out to both");
			return false;
		}
		return true;
	}

	private static boolean check(BrokerClient broker, List<Segment> segments, String account, PrintStream out) {
		out.printf(Locale.ROOT, "checking one query of each type for %s against the engine over the same files:%n",
				account);
		boolean correct = true;
		for (CorrectnessCheck.Outcome outcome : new CorrectnessCheck(broker, segments).run(account)) {
			out.printf(Locale.ROOT, "  %-38s %s: %s%n", outcome.type().label(), outcome.ok() ? "OK" : "FAIL",
					outcome.detail());
			correct &= outcome.ok();
		}
		return correct;
	}

	private static BenchmarkRun drive(BenchmarkCluster cluster, LoadGenerator load, DashboardMix mix,
			BenchmarkOptions options, PrintStream out) {
		CacheMode mode = mix.cache();
		PhaseResult warmUp = load.run(mix, options.warmUp(), SEED);
		CacheCounters before = cluster.brokerCache();
		ProcessUsage usageBefore = ProcessUsage.now();
		PhaseResult measured = load.run(mix, options.measure(), SEED + 1_000);
		ProcessUsage usage = ProcessUsage.now().minus(usageBefore);
		CacheCounters cache = cluster.brokerCache().minus(before);
		out.printf(Locale.ROOT, "%s: warm-up %,d queries (%,.1f/s), measured %,d queries in %.1f s (%,.1f/s), "
				+ "p50 %.1f ms, p99 %.1f ms%n", mode.label(), warmUp.answered(), warmUp.queriesPerSecond(),
				measured.answered(), measured.seconds(), measured.queriesPerSecond(), measured.all().p50(),
				measured.all().p99());
		return new BenchmarkRun(mode, warmUp, measured, cache, usage);
	}

	private static List<Segment> open(List<Path> files) {
		List<Segment> segments = new ArrayList<>();
		SegmentFileReader reader = new SegmentFileReader();
		for (Path file : files) {
			segments.add(reader.open(file));
		}
		return segments;
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

}
