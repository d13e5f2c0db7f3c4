package io.strata.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateUsageDataTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws IOException {
        return GenerateUsageData.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesNdjsonByDefault() throws IOException {
        Path file = directory.resolve("nested/usage.ndjson");

        assertThat(run("--events", "1_000", "--out", file.toString())).isZero();

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1_000).allMatch(line -> line.startsWith("{\"eventId\":\""));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("wrote 1000 events, %d bytes".formatted(Files.size(file)));
        assertThat(err.size()).isZero();
    }

    @Test
    void writesCsvWhenAsked() throws IOException {
        Path file = directory.resolve("usage.csv");

        assertThat(run("--events", "10", "--out", file.toString(), "--format", "csv")).isZero();

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(11);
        assertThat(lines.getFirst()).isEqualTo(CsvWriter.HEADER);
    }

    @Test
    void sameSeedWritesTheSameFile() throws IOException {
        Path first = directory.resolve("a.ndjson");
        Path second = directory.resolve("b.ndjson");
        Path other = directory.resolve("c.ndjson");

        run("--events", "500", "--out", first.toString(), "--seed", "9");
        run("--seed", "9", "--out", second.toString(), "--events", "500");
        run("--events", "500", "--out", other.toString(), "--seed", "10");

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(Files.readAllBytes(other)).isNotEqualTo(Files.readAllBytes(first));
    }

    @Test
    void badArgumentsPrintTheProblemAndUsage() throws IOException {
        assertThat(run("--out", "x")).isEqualTo(2);
        assertThat(run("--events", "ten", "--out", "x")).isEqualTo(2);
        assertThat(run("--events", "10", "--out", "x", "--format", "xml")).isEqualTo(2);
        assertThat(run("--events", "10", "--bogus", "1")).isEqualTo(2);
        assertThat(run("--events")).isEqualTo(2);
        assertThat(run("--events", "-1", "--out", "x")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("option[--events] is required",
                "option[--events] value[ten] is not a whole number", "format[xml] must be ndjson or csv",
                "option[--bogus] is unknown", "option[--events] needs a value", "events[-1] must not be negative",
                GenerateUsageData.USAGE);
        assertThat(out.size()).isZero();
        assertThat(Files.exists(Path.of("x"))).isFalse();
    }
}
