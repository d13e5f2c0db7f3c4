package io.strata.engine.query;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.input.InputRow;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.testing.TestSegments;
import io.strata.sample.UsageDataConfig;
import io.strata.sample.UsageEvent;
import io.strata.sample.UsageEventGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random arithmetic, comparison and logical expressions as virtual columns and expression filters on
 * several day segments (rollup off, a nullable dimension and a multi-value one), checked against a
 * naive evaluator of the same expression trees over the generated events: its own implementation
 * of Druid's semantics (longs, three-valued logic, a row matching when any of its multi-values does).
 */
class ExpressionRandomizedTest {

	private static final List<Event> EVENTS = new ArrayList<>();

	private static final List<Segment> SEGMENTS = new ArrayList<>();

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static Path directory;

	/** One generated event as the test sees it. */
	private record Event(long time, String region, List<String> bundles, String statusCode, long latency, long bytes) {

	}

	@BeforeAll
	static void build() throws Exception {
		directory = Files.createTempDirectory("expression-randomized");
		UsageEventGenerator generator = new UsageEventGenerator(
				new UsageDataConfig(5, Instant.parse("2026-03-01T00:00:00Z"), 3, 12_000, 60, 8, 10, 1.1));
		SplittableRandom random = new SplittableRandom(23);
		while (generator.hasNext()) {
			UsageEvent event = generator.next();
			EVENTS.add(new Event(event.timestampMillis(), random.nextInt(6) == 0 ? null : event.region(), event.bundles(),
					Integer.toString(event.statusCode()), event.latencyMs(), event.bytes()));
		}
		DataSchema schema = TestSegments.schema("""
				{"dataSource": "usage", "timestampSpec": {"column": "t"},
				 "dimensionsSpec": {"dimensions": ["region", "bundles", "statusCode"]},
				 "metricsSpec": [{"type": "longSum", "name": "latency", "fieldName": "latency"},
				                 {"type": "longMax", "name": "bytes", "fieldName": "bytes"}],
				 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "none", "rollup": false}}
				""");
		List<InputRow> rows = new ArrayList<>();
		for (Event event : EVENTS) {
			rows.add(TestSegments.row(event.time(), "region", event.region(), "bundles", event.bundles(), "statusCode",
					event.statusCode(), "latency", event.latency(), "bytes", event.bytes()));
		}
		SEGMENTS.addAll(TestSegments.index(schema, directory, 3_000, rows));
		assertThat(SEGMENTS).hasSizeGreaterThan(2);
	}

	@AfterAll
	static void close() {
		SEGMENTS.forEach(Segment::close);
	}

	// ---- the expression trees, rendered as Druid text and evaluated naively ----

	private sealed interface Node permits Column, Literal, NullLiteral, Arithmetic, Compare, Logic, Not, IsNull, If {

	}

	/** A column: latency, bytes (longs), region (nullable string) or bundles (multi-value string). */
	private record Column(String name) implements Node {

	}

	private record Literal(Object value) implements Node {

	}

	private record NullLiteral() implements Node {

	}

	private record Arithmetic(char operator, Node left, Node right) implements Node {

	}

	private record Compare(String operator, Node left, Node right) implements Node {

	}

	private record Logic(boolean isAnd, Node left, Node right) implements Node {

	}

	private record Not(Node operand) implements Node {

	}

	private record IsNull(Node operand) implements Node {

	}

	private record If(Node condition, Node then, Node otherwise) implements Node {

	}

	private static String text(Node node) {
		return switch (node) {
			case Column column -> column.name();
			case Literal literal -> literal.value() instanceof String text ? "'" + text + "'" : literal.value().toString();
			case NullLiteral literal -> "null";
			case Arithmetic arithmetic -> "(" + text(arithmetic.left()) + " " + arithmetic.operator() + " "
					+ text(arithmetic.right()) + ")";
			case Compare compare -> "(" + text(compare.left()) + " " + compare.operator() + " " + text(compare.right()) + ")";
			case Logic logic -> "(" + text(logic.left()) + (logic.isAnd() ? " && " : " || ") + text(logic.right()) + ")";
			case Not not -> "!" + text(not.operand());
			case IsNull isNull -> "isnull(" + text(isNull.operand()) + ")";
			case If choice -> "if(" + text(choice.condition()) + ", " + text(choice.then()) + ", " + text(choice.otherwise())
					+ ")";
		};
	}

	/** Evaluates with {@code bundle} as the value bundles holds in this combination (null when empty). */
	private static Object naive(Node node, Event event, String bundle) {
		return switch (node) {
			case Column column -> switch (column.name()) {
				case "latency" -> event.latency();
				case "bytes" -> event.bytes();
				case "region" -> event.region();
				default -> bundle;
			};
			case Literal literal -> literal.value();
			case NullLiteral literal -> null;
			case Arithmetic arithmetic -> {
				Object a = naive(arithmetic.left(), event, bundle);
				Object b = naive(arithmetic.right(), event, bundle);
				if (a == null || b == null) {
					yield null;
				}
				long x = (Long) a;
				long y = (Long) b;
				yield switch (arithmetic.operator()) {
					case '+' -> x + y;
					case '-' -> x - y;
					default -> x * y;
				};
			}
			case Compare compare -> {
				Object a = naive(compare.left(), event, bundle);
				Object b = naive(compare.right(), event, bundle);
				if (a == null || b == null) {
					yield null;
				}
				int order = a instanceof Long x ? Long.compare(x, (Long) b) : ((String) a).compareTo((String) b);
				boolean result = switch (compare.operator()) {
					case "<" -> order < 0;
					case ">=" -> order >= 0;
					case "==" -> order == 0;
					default -> order != 0;
				};
				yield result ? 1L : 0L;
			}
			case Logic logic -> {
				Boolean a = truth(naive(logic.left(), event, bundle));
				Boolean b = truth(naive(logic.right(), event, bundle));
				if (logic.isAnd()) {
					yield Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b) ? (Object) 0L : a == null || b == null ? null : 1L;
				}
				yield Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b) ? (Object) 1L : a == null || b == null ? null : 0L;
			}
			case Not not -> {
				Boolean value = truth(naive(not.operand(), event, bundle));
				yield value == null ? null : value ? 0L : 1L;
			}
			case IsNull isNull -> naive(isNull.operand(), event, bundle) == null ? 1L : 0L;
			case If choice -> Boolean.TRUE.equals(truth(naive(choice.condition(), event, bundle)))
					? naive(choice.then(), event, bundle) : naive(choice.otherwise(), event, bundle);
		};
	}

	/** A long as a truth value: above zero is true; null is unknown. */
	private static Boolean truth(Object value) {
		return value == null ? null : (Long) value > 0;
	}

	private static Node number(SplittableRandom random, int depth) {
		int choice = random.nextInt(depth > 0 ? 7 : 3);
		return switch (choice) {
			case 0 -> new Column("latency");
			case 1 -> new Column(random.nextBoolean() ? "bytes" : "latency");
			case 2 -> new Literal((long) random.nextInt(-20, 400));
			case 3, 4 -> new Arithmetic("+-*".charAt(random.nextInt(3)), number(random, depth - 1), number(random, depth - 1));
			case 5 -> new If(condition(random, depth - 1, false), number(random, depth - 1),
					random.nextBoolean() ? new NullLiteral() : number(random, depth - 1));
			default -> condition(random, depth - 1, false);
		};
	}

	private static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "ap-south-1");

	private static final List<String> BUNDLES = List.of("core", "search", "billing", "ml");

	private static Node condition(SplittableRandom random, int depth, boolean bundles) {
		int choice = random.nextInt(depth > 0 ? 8 : 4);
		String[] comparisons = { "<", ">=", "==", "!=" };
		return switch (choice) {
			case 0 -> new Compare(comparisons[random.nextInt(4)], number(random, depth), number(random, depth));
			case 1 -> new Compare(random.nextBoolean() ? "==" : "!=", new Column("region"),
					new Literal(REGIONS.get(random.nextInt(REGIONS.size()))));
			case 2 -> bundles ? new Compare(random.nextBoolean() ? "==" : "<", new Column("bundles"),
					new Literal(BUNDLES.get(random.nextInt(BUNDLES.size())))) : new IsNull(new Column("region"));
			case 3 -> new IsNull(random.nextBoolean() ? new Column("region") : number(random, depth));
			case 4, 5 -> new Logic(random.nextBoolean(), condition(random, depth - 1, bundles),
					condition(random, depth - 1, bundles));
			default -> new Not(condition(random, depth - 1, bundles));
		};
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6 })
	void randomVirtualColumnsAndExpressionFiltersMatchTheNaiveEvaluator(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		for (int round = 0; round < 8; round++) {
			Node filter = condition(random, 3, true);
			Node value = number(random, 3);
			String query = """
					{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-03-01/2026-03-05", "granularity": "day",
					 "context": {"skipEmptyBuckets": true},
					 "virtualColumns": [{"type": "expression", "name": "v", "expression": "%s", "outputType": "LONG"}],
					 "filter": {"type": "expression", "expression": "%s"},
					 "aggregations": [{"type": "count", "name": "rows"}, {"type": "longSum", "name": "v", "fieldName": "v"},
					                  {"type": "longSum", "name": "latency", "fieldName": "latency"}]}
					""".formatted(text(value), text(filter));
			Map<String, List<Object>> expected = new TreeMap<>();
			for (Event event : EVENTS) {
				if (!anyTrue(filter, event)) {
					continue;
				}
				String day = Instant.ofEpochMilli(event.time()).toString().substring(0, 10) + "T00:00:00.000Z";
				List<Object> sums = expected.computeIfAbsent(day, key -> new ArrayList<>(Collections.nCopies(3, null)));
				sums.set(0, sums.get(0) == null ? 1L : (Long) sums.get(0) + 1);
				Object v = naive(value, event, null);
				if (v != null) {
					sums.set(1, sums.get(1) == null ? v : (Long) sums.get(1) + (Long) v);
				}
				sums.set(2, sums.get(2) == null ? event.latency() : (Long) sums.get(2) + event.latency());
			}
			Map<String, List<Object>> actual = new TreeMap<>();
			for (JsonNode row : MAPPER.readTree(new QueryRunner().run(query, SEGMENTS))) {
				JsonNode result = row.get("result");
				List<Object> sums = new ArrayList<>();
				for (String name : List.of("rows", "v", "latency")) {
					sums.add(result.get(name).isNull() ? null : result.get(name).longValue());
				}
				actual.put(row.get("timestamp").stringValue(), sums);
			}
			assertThat(actual).as("query %s", query).isEqualTo(expected);
		}
	}

	/** Whether the filter is true for some value of the event's bundles (null once when it has none). */
	private static boolean anyTrue(Node filter, Event event) {
		List<String> values = event.bundles().isEmpty() ? Collections.singletonList(null) : event.bundles();
		for (String bundle : values) {
			if (Boolean.TRUE.equals(truth(naive(filter, event, bundle)))) {
				return true;
			}
		}
		return false;
	}

	@ParameterizedTest
	@ValueSource(longs = { 7, 8, 9 })
	void randomStringVirtualColumnsOverMultiValuesGroupAsTheNaiveEvaluator(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		for (int round = 0; round < 4; round++) {
			Node condition = condition(random, 2, false);
			String expression = "concat(bundles, ':', if(" + text(condition) + ", region, 'other'))";
			String query = """
					{"queryType": "groupBy", "dataSource": "usage", "intervals": "2026-03-01/2026-03-05", "granularity": "all",
					 "virtualColumns": [{"type": "expression", "name": "k", "expression": "%s", "outputType": "STRING"}],
					 "dimensions": ["k"], "aggregations": [{"type": "count", "name": "rows"}]}
					""".formatted(expression);
			Map<String, Long> expected = new TreeMap<>();
			for (Event event : EVENTS) {
				List<String> values = event.bundles().isEmpty() ? Collections.singletonList(null) : event.bundles();
				for (String bundle : values) {
					String region = Boolean.TRUE.equals(truth(naive(condition, event, bundle))) ? event.region() : "other";
					String key = bundle == null || region == null ? "<null>" : bundle + ":" + region;
					expected.merge(key, 1L, Long::sum);
				}
			}
			Map<String, Long> actual = new LinkedHashMap<>();
			for (JsonNode row : MAPPER.readTree(new QueryRunner().run(query, SEGMENTS))) {
				JsonNode key = row.get("event").get("k");
				actual.put(key.isNull() ? "<null>" : key.stringValue(), row.get("event").get("rows").longValue());
			}
			assertThat(new TreeMap<>(actual)).as("query %s", query).isEqualTo(expected);
		}
	}

}
