package io.strata.engine.query.golden;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares an actual query answer with the expected one structurally: objects key by key in the same order (Druid
 * clients read some results as streams), arrays element by element, integers exactly, and floating point numbers
 * within a relative tolerance. An integer never equals a floating point number: Druid keeps {@code 1} and
 * {@code 1.0} apart per aggregator type. Stateless.
 */
public final class JsonComparison {

	/** Doubles that differ only by summation order or printing. */
	public static final double DEFAULT_TOLERANCE = 1e-9;

	/** Relative tolerance per field name (sketch estimates), applied wherever the field occurs. */
	private final Map<String, Double> tolerances;

	public JsonComparison(Map<String, Double> tolerances) {
		this.tolerances = Map.copyOf(tolerances);
	}

	/** The differences, each naming its JSON path; empty when the answers match. */
	public List<String> differences(JsonNode expected, JsonNode actual) {
		List<String> out = new ArrayList<>();
		compare("$", expected, actual, DEFAULT_TOLERANCE, out);
		return out;
	}

	private void compare(String path, JsonNode expected, JsonNode actual, double tolerance, List<String> out) {
		if (expected.isNumber() && actual.isNumber()) {
			compareNumbers(path, expected, actual, tolerance, out);
			return;
		}
		if (expected.getNodeType() != actual.getNodeType()) {
			out.add(path + ": expected " + expected + " but was " + actual);
			return;
		}
		if (expected.isObject()) {
			List<String> expectedKeys = expected.propertyNames().stream().toList();
			List<String> actualKeys = actual.propertyNames().stream().toList();
			if (!expectedKeys.equals(actualKeys)) {
				out.add(path + ": expected keys " + expectedKeys + " but was " + actualKeys);
				return;
			}
			for (String key : expectedKeys) {
				double inner = this.tolerances.getOrDefault(key, tolerance);
				compare(path + "." + key, expected.get(key), actual.get(key), inner, out);
			}
			return;
		}
		if (expected.isArray()) {
			if (expected.size() != actual.size()) {
				out.add(path + ": expected " + expected.size() + " elements but was " + actual.size() + ": " + actual);
				return;
			}
			Iterator<JsonNode> left = expected.values().iterator();
			Iterator<JsonNode> right = actual.values().iterator();
			for (int i = 0; left.hasNext(); i++) {
				compare(path + "[" + i + "]", left.next(), right.next(), tolerance, out);
			}
			return;
		}
		if (!expected.equals(actual)) {
			out.add(path + ": expected " + expected + " but was " + actual);
		}
	}

	private static void compareNumbers(String path, JsonNode expected, JsonNode actual, double tolerance,
			List<String> out) {
		if (expected.isIntegralNumber() != actual.isIntegralNumber()) {
			out.add(path + ": expected " + expected + " but was " + actual + " (integer and floating point differ)");
			return;
		}
		if (expected.isIntegralNumber()) {
			if (!expected.bigIntegerValue().equals(actual.bigIntegerValue())) {
				out.add(path + ": expected " + expected + " but was " + actual);
			}
			return;
		}
		double want = expected.doubleValue();
		double got = actual.doubleValue();
		boolean same = Double.compare(want, got) == 0
				|| Math.abs(want - got) <= tolerance * Math.max(1.0, Math.max(Math.abs(want), Math.abs(got)));
		if (!same) {
			out.add(path + ": expected " + expected + " but was " + actual + " (relative tolerance " + tolerance + ")");
		}
	}

}
