package io.strata.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** What the repeated-run benchmarks share: the median of the runs, their listing, and scratch clean-up. */
public final class RunTimes {

	private RunTimes() {
	}

	/** The median of run times in seconds (the upper one of an even count). */
	public static double median(List<Double> seconds) {
		List<Double> sorted = seconds.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	/** {@code [1.23 s, 1.20 s]}: every run, in the order run. */
	public static String format(List<Double> seconds) {
		return seconds.stream().map(value -> String.format(Locale.ROOT, "%.2f s", value)).toList().toString();
	}

	/** Deletes a scratch directory and everything in it; nothing happens when it is not there. */
	public static void delete(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
