package io.strata.engine.query;

import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.query.golden.GoldenDataset;
import io.strata.engine.query.golden.JsonComparison;
import io.strata.engine.segment.Segment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Runs every {@code golden/<queryType>/<case>.query.json} through {@link QueryRunner} (JSON in, JSON out) on the
 * hand-checked dataset of {@link GoldenDataset}, one dynamic test per file, and compares the answer with
 * {@code <case>.expected.json} (see {@link JsonComparison}), or, for a malformed query, the error with
 * {@code <case>.error.json} ({@code status}, Druid {@code error} name, {@code messageContains}). An optional
 * {@code <case>.tolerance.json} gives sketch estimates a relative tolerance by field name. A {@code <case>.bug.md}
 * marks an expected file the engine does not meet yet (a known engine bug): the case is reported as aborted while
 * the answer still differs, and fails once it matches, so the marker is removed with the fix.
 *
 * <p>With {@code -Dstrata.updateGolden=true} missing or changed expected files are written from the engine's
 * answers under src/test/resources/golden; they are then reviewed by hand against the dataset table in
 * golden/README.md like any code change.
 */
class GoldenQueryTest {

	private static final Path ROOT = Path.of(System.getProperty("basedir", ""), "src", "test", "resources", "golden");

	private static final String QUERY = ".query.json";

	private static final boolean UPDATE = Boolean.getBoolean("strata.updateGolden");

	private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@TempDir
	static Path directory;

	private static List<Segment> segments;

	private final QueryRunner runner = new QueryRunner();

	@BeforeAll
	static void persist() {
		segments = GoldenDataset.persist(directory);
	}

	@AfterAll
	static void close() {
		segments.forEach(Segment::close);
	}

	@TestFactory
	Stream<DynamicNode> goldenQueries() throws IOException {
		assertThat(ROOT).as("golden query directory").isDirectory();
		Map<String, List<Path>> byType = new TreeMap<>();
		try (Stream<Path> files = Files.walk(ROOT)) {
			files.filter(file -> file.getFileName().toString().endsWith(QUERY))
				.sorted()
				.forEach(file -> byType.computeIfAbsent(ROOT.relativize(file.getParent()).toString(),
						key -> new ArrayList<>()).add(file));
		}
		assertThat(byType).as("golden query files").isNotEmpty();
		List<DynamicNode> containers = new ArrayList<>();
		byType.forEach((type, files) -> containers.add(DynamicContainer.dynamicContainer(type,
				files.stream().map(file -> DynamicTest.dynamicTest(caseName(file), file.toUri(), () -> check(file))))));
		return containers.stream();
	}

	/** Every expected, error, tolerance or bug file belongs to a query file: none is silently skipped. */
	@Test
	void noExpectationWithoutItsQuery() throws IOException {
		try (Stream<Path> files = Files.walk(ROOT)) {
			List<Path> orphans = files.filter(Files::isRegularFile)
				.filter(file -> !file.getFileName().toString().endsWith(QUERY))
				.filter(file -> !file.getFileName().toString().equals("README.md"))
				.filter(file -> !Files.exists(sibling(file, file.getFileName().toString()
					.replaceFirst("\\.(expected|error|tolerance)\\.json$|\\.bug\\.md$", QUERY))))
				.toList();
			assertThat(orphans).isEmpty();
		}
	}

	private void check(Path queryFile) throws IOException {
		String query = Files.readString(queryFile, StandardCharsets.UTF_8);
		QueryRunner.Answer answer = this.runner.answer(query, segments, "golden:8082");
		Path errorFile = sibling(queryFile, caseName(queryFile) + ".error.json");
		if (Files.exists(errorFile)) {
			checkError(errorFile, answer);
			return;
		}
		Path expectedFile = sibling(queryFile, caseName(queryFile) + ".expected.json");
		Path bugFile = sibling(queryFile, caseName(queryFile) + ".bug.md");
		if (answer.status() != 200) {
			if (Files.exists(bugFile) && Files.exists(expectedFile)) {
				abort("Known engine bug (" + bugFile.getFileName() + "): " + firstLine(bugFile) + " HTTP "
						+ answer.status() + ": " + answer.body());
			}
			fail("HTTP " + answer.status() + ": " + answer.body());
		}
		JsonNode actual = MAPPER.readTree(answer.body());
		if (!Files.exists(expectedFile)) {
			if (UPDATE) {
				write(expectedFile, actual);
				return;
			}
			fail("No " + expectedFile.getFileName() + "; run with -Dstrata.updateGolden=true, then check it by hand");
		}
		List<String> differences = new JsonComparison(tolerances(queryFile))
			.differences(MAPPER.readTree(Files.readString(expectedFile, StandardCharsets.UTF_8)), actual);
		if (Files.exists(bugFile)) {
			if (differences.isEmpty()) {
				fail("The engine now matches the expected answer: delete " + bugFile.getFileName());
			}
			abort("Known engine bug (" + bugFile.getFileName() + "): " + firstLine(bugFile) + " " + differences);
		}
		if (!differences.isEmpty() && UPDATE) {
			write(expectedFile, actual);
			return;
		}
		assertThat(differences).as("differences from " + expectedFile.getFileName() + ", answer " + answer.body())
			.isEmpty();
	}

	private static void checkError(Path errorFile, QueryRunner.Answer answer) throws IOException {
		JsonNode expected = MAPPER.readTree(Files.readString(errorFile, StandardCharsets.UTF_8));
		JsonNode body = MAPPER.readTree(answer.body());
		String message = body.path("errorMessage").asString("");
		String contains = expected.path("messageContains").asString("");
		boolean same = answer.status() == expected.path("status").asInt()
				&& body.path("error").asString("").equals(expected.path("error").asString()) && !contains.isEmpty()
				&& message.contains(contains);
		if (!same && UPDATE && answer.status() != 200) {
			ObjectNode updated = MAPPER.createObjectNode();
			updated.put("status", answer.status());
			updated.put("error", body.path("error").asString(""));
			updated.put("messageContains", !contains.isEmpty() && message.contains(contains) ? contains : message);
			write(errorFile, updated);
			return;
		}
		assertThat(answer.status()).as("HTTP status of " + answer.body()).isEqualTo(expected.path("status").asInt());
		assertThat(body.path("error").asString("")).as("Druid error name").isEqualTo(expected.path("error").asString());
		assertThat(contains).as("messageContains of " + errorFile.getFileName()).isNotEmpty();
		assertThat(message).contains(contains);
	}

	private static Map<String, Double> tolerances(Path queryFile) throws IOException {
		Path file = sibling(queryFile, caseName(queryFile) + ".tolerance.json");
		Map<String, Double> tolerances = new LinkedHashMap<>();
		if (Files.exists(file)) {
			JsonNode node = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				tolerances.put(entry.getKey(), entry.getValue().doubleValue());
			}
		}
		return tolerances;
	}

	private static void write(Path file, JsonNode value) {
		try {
			Files.writeString(file, MAPPER.writeValueAsString(value) + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String firstLine(Path file) throws IOException {
		return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).findFirst()
			.orElse("");
	}

	private static String caseName(Path queryFile) {
		String name = queryFile.getFileName().toString();
		return name.substring(0, name.length() - QUERY.length());
	}

	private static Path sibling(Path file, String name) {
		return file.resolveSibling(name);
	}

}
