package io.strata.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a sample usage data file:
 * {@code GenerateUsageData --events N --out FILE [--format ndjson|csv] [--seed S]}. Everything else comes from
 * {@link UsageDataConfig#defaults(long)}. Prints the event count, bytes written and elapsed time.
 */
public final class GenerateUsageData {

    static final String USAGE = "usage: GenerateUsageData --events N --out FILE [--format ndjson|csv] [--seed S]";

    private GenerateUsageData() {
    }

    public static void main(String[] args) throws IOException {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The whole tool, minus the process exit, so tests can call it. Returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        }
        catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        UsageDataConfig config = UsageDataConfig.defaults(arguments.events()).withSeed(arguments.seed());
        Path parent = arguments.out().toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        long startNanos = System.nanoTime();
        long bytes;
        try (OutputStream stream = Files.newOutputStream(arguments.out())) {
            UsageEventGenerator events = new UsageEventGenerator(config);
            bytes = arguments.csv() ? new CsvWriter().write(events, stream) : new NdjsonWriter().write(events, stream);
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long events = config.events();
        out.println(String.format(Locale.ROOT,
                "wrote %d events, %d bytes (%.1f bytes/event) to %s in %.3f s (%.0f events/s)",
                events, bytes, events == 0 ? 0.0 : (double) bytes / events, arguments.out(), seconds,
                events / Math.max(seconds, 1e-9)));
        return 0;
    }

    record Arguments(long events, Path out, boolean csv, long seed) {

        static Arguments parse(String[] args) {
            Long events = null;
            Path out = null;
            boolean csv = false;
            long seed = UsageDataConfig.defaults(0).seed();
            for (int i = 0; i < args.length; i += 2) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option[%s] needs a value".formatted(name));
                }
                String value = args[i + 1];
                switch (name) {
                    case "--events" -> events = parseLong(name, value);
                    case "--out" -> out = Path.of(value);
                    case "--format" -> csv = switch (value) {
                        case "ndjson" -> false;
                        case "csv" -> true;
                        default -> throw new IllegalArgumentException(
                                "format[%s] must be ndjson or csv".formatted(value));
                    };
                    case "--seed" -> seed = parseLong(name, value);
                    default -> throw new IllegalArgumentException("option[%s] is unknown".formatted(name));
                }
            }
            if (events == null) {
                throw new IllegalArgumentException("option[--events] is required");
            }
            if (events < 0) {
                throw new IllegalArgumentException("events[%d] must not be negative".formatted(events));
            }
            if (out == null) {
                throw new IllegalArgumentException("option[--out] is required");
            }
            return new Arguments(events, out, csv, seed);
        }

        private static long parseLong(String name, String value) {
            try {
                // Underscores allowed so that 10_000_000 reads as it does in Java.
                return Long.parseLong(value.replace("_", ""));
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("option[%s] value[%s] is not a whole number".formatted(name, value),
                        e);
            }
        }
    }
}
