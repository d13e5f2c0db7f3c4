package io.strata.engine.query;

import io.strata.engine.json.SpecNode;

import java.util.List;
import java.util.function.Function;

/**
 * Reads the greatest/least and sketch post-aggregators; {@link QueryJson} reads the others and
 * passes itself in for nested {@code field}s.
 */
final class PostAggregatorJson {

	static final List<String> TYPES = List.of("doubleGreatest", "doubleLeast", "longGreatest", "longLeast",
			"HLLSketchEstimate", "HLLSketchEstimateWithBounds", "thetaSketchEstimate", "hyperUniqueCardinality",
			"quantilesDoublesSketchToQuantile", "quantilesDoublesSketchToQuantiles", "quantilesDoublesSketchToHistogram");

	private PostAggregatorJson() {
	}

	/** @param type one of {@link #TYPES} */
	static PostAggregatorSpec read(String type, SpecNode node, Function<SpecNode, PostAggregatorSpec> postAggregator) {
		if (type.equals("hyperUniqueCardinality")) {
			String name = node.optionalString("name", null);
			String fieldName = node.requiredString("fieldName");
			return node.build(() -> new SketchPostAggregatorSpec.HyperUniqueCardinality(name, fieldName));
		}
		String name = node.requiredString("name");
		if (type.endsWith("Greatest") || type.endsWith("Least")) {
			if (!node.has("fields")) {
				throw node.error("fields", "is required");
			}
			List<PostAggregatorSpec> fields = node.optionalList("fields", postAggregator);
			return node.build(() -> new GreatestLeastPostAggregatorSpec(name, fields, type.endsWith("Greatest"),
					type.startsWith("long")));
		}
		PostAggregatorSpec field = postAggregator.apply(node.requiredObject("field"));
		return switch (type) {
			case "HLLSketchEstimate" -> new SketchPostAggregatorSpec.HllEstimate(name, field,
					node.optionalBoolean("round", false));
			case "HLLSketchEstimateWithBounds" -> {
				int numStdDev = node.optionalInt("numStdDev", 1);
				yield node.build(() -> new SketchPostAggregatorSpec.HllEstimateWithBounds(name, field, numStdDev));
			}
			case "thetaSketchEstimate" -> {
				Integer stdDev = node.has("errorBoundsStdDev") ? node.optionalInt("errorBoundsStdDev", 1) : null;
				yield node.build(() -> new SketchPostAggregatorSpec.ThetaEstimate(name, field, stdDev));
			}
			case "quantilesDoublesSketchToQuantile" -> {
				double fraction = number(node, "fraction");
				yield node.build(() -> new SketchPostAggregatorSpec.QuantilesToQuantile(name, field, fraction));
			}
			case "quantilesDoublesSketchToQuantiles" -> {
				if (!node.has("fractions")) {
					throw node.error("fractions", "is required");
				}
				List<Double> fractions = node.optionalList("fractions", PostAggregatorJson::number);
				yield node.build(() -> new SketchPostAggregatorSpec.QuantilesToQuantiles(name, field, fractions));
			}
			case "quantilesDoublesSketchToHistogram" -> {
				if (node.has("splitPoints") && node.has("numBins")) {
					throw node.error("numBins", "cannot be given together with splitPoints");
				}
				List<Double> splitPoints = node.has("splitPoints")
						? node.optionalList("splitPoints", PostAggregatorJson::number) : null;
				int numBins = node.optionalInt("numBins", SketchPostAggregatorSpec.QuantilesToHistogram.DEFAULT_NUM_BINS);
				yield node.build(() -> new SketchPostAggregatorSpec.QuantilesToHistogram(name, field, splitPoints,
						numBins));
			}
			default -> throw node.error("type", "is not a sketch post-aggregator [" + type + "]");
		};
	}

	private static double number(SpecNode node, String field) {
		SpecNode value = node.optionalValue(field);
		if (value == null) {
			throw node.error(field, "is required");
		}
		return number(value);
	}

	private static double number(SpecNode value) {
		if (!value.json().isNumber()) {
			throw value.error("must be a number");
		}
		return value.json().doubleValue();
	}

}
