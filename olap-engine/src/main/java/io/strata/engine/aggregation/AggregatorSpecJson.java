package io.strata.engine.aggregation;

import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** Reads and writes aggregators in Druid's JSON shape. */
public final class AggregatorSpecJson {

	private static final String SUPPORTED = "[count, longSum, longMin, longMax, doubleSum, doubleMin, doubleMax, "
			+ "floatSum, floatMin, floatMax, longFirst, longLast, doubleFirst, doubleLast, floatFirst, floatLast, "
			+ "filtered, cardinality, hyperUnique, HLLSketchBuild, HLLSketchMerge, thetaSketch, quantilesDoublesSketch, quantilesDoublesSketchMerge]";

	private AggregatorSpecJson() {
	}

	public static AggregatorSpec read(SpecNode node) {
		node.requireObject();
		String type = node.requiredString("type");
		String name = node.requiredString("name");
		NumericAggregation numeric = NumericAggregation.fromTypeName(type);
		if (numeric != null) {
			if (node.has("expression")) {
				throw node.error("expression", "is not supported at ingestion; use fieldName");
			}
			String fieldName = node.requiredString("fieldName");
			return node.build(() -> new NumericAggregatorSpec(numeric, name, fieldName));
		}
		if (FirstLastAggregatorSpec.isTypeName(type)) {
			String fieldName = node.requiredString("fieldName");
			String timeColumn = node.optionalString("timeColumn", FirstLastAggregatorSpec.DEFAULT_TIME_COLUMN);
			return node.build(() -> FirstLastAggregatorSpec.fromTypeName(type, name, fieldName, timeColumn));
		}
		return switch (type) {
			case "count" -> new CountAggregatorSpec(name);
			case "cardinality" -> {
				List<String> fields = node.optionalList("fields", AggregatorSpecJson::cardinalityField);
				if (fields.isEmpty()) {
					throw node.error("fields", "is required and must name at least one dimension");
				}
				boolean byRow = node.optionalBoolean("byRow", false);
				boolean round = node.optionalBoolean("round", false);
				yield node.build(() -> new CardinalityAggregatorSpec(name, fields, byRow, round));
			}
			case "hyperUnique" -> {
				String fieldName = node.requiredString("fieldName");
				boolean input = node.optionalBoolean("isInputHyperUnique", false);
				boolean round = node.optionalBoolean("round", false);
				yield node.build(() -> new HyperUniqueAggregatorSpec(name, fieldName, input, round));
			}
			// its filter belongs to the query model, which reads it (QueryJson); stored and ingested specs never hold one
			case "filtered" -> throw node.error("type", "[filtered] is only supported in queries");
			case "HLLSketchBuild", "HLLSketchMerge" -> {
				String fieldName = node.requiredString("fieldName");
				int lgK = node.optionalInt("lgK", HllSketchAggregatorSpec.DEFAULT_LG_K);
				String tgtHllType = node.optionalString("tgtHllType", HllSketchAggregatorSpec.DEFAULT_TGT_HLL_TYPE);
				boolean round = node.optionalBoolean("round", false);
				// Druid reads the encoding's name in any case ("UTF8", "utf8")
				String encoding = node.optionalString("stringEncoding", HllSketchAggregatorSpec.UTF16LE)
					.toLowerCase(java.util.Locale.ROOT);
				// shouldFinalize only changes what queries return; accepted here for spec compatibility
				node.optionalBoolean("shouldFinalize", true);
				yield node.build(() -> new HllSketchAggregatorSpec(name, fieldName, lgK, tgtHllType, round,
						type.equals("HLLSketchMerge"), encoding));
			}
			case "thetaSketch" -> {
				String fieldName = node.requiredString("fieldName");
				int size = node.optionalInt("size", ThetaSketchAggregatorSpec.DEFAULT_SIZE);
				node.optionalBoolean("shouldFinalize", true);
				boolean input = node.optionalBoolean("isInputThetaSketch", false);
				yield node.build(() -> new ThetaSketchAggregatorSpec(name, fieldName, size, input));
			}
			// the merge form reads its own column (Druid ignores a fieldName there); segmentMetadata reports it
			case "quantilesDoublesSketch", "quantilesDoublesSketchMerge" -> {
				String fieldName = type.equals("quantilesDoublesSketchMerge") ? name : node.requiredString("fieldName");
				int k = node.optionalInt("k", QuantilesSketchAggregatorSpec.DEFAULT_K);
				// maxStreamLength only sizes Druid's off-heap buffers; accepted and not needed here
				node.optionalLong("maxStreamLength", 1_000_000_000L);
				yield node.build(() -> new QuantilesSketchAggregatorSpec(name, fieldName, k));
			}
			default -> throw node.error("type", "is an unknown aggregator [" + type + "]; expected one of " + SUPPORTED);
		};
	}

	public static JsonNode write(AggregatorSpec spec) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("type", spec.typeName());
		node.put("name", spec.name());
		switch (spec) {
			case CountAggregatorSpec count -> {
			}
			case NumericAggregatorSpec numeric -> node.put("fieldName", numeric.fieldName());
			case HllSketchAggregatorSpec hll -> {
				node.put("fieldName", hll.fieldName());
				node.put("lgK", hll.lgK());
				node.put("tgtHllType", hll.tgtHllType());
				node.put("round", hll.round());
				node.put("stringEncoding", hll.stringEncoding());
			}
			case ThetaSketchAggregatorSpec theta -> {
				node.put("fieldName", theta.fieldName());
				node.put("size", theta.size());
				node.put("isInputThetaSketch", theta.isInputThetaSketch());
			}
			case QuantilesSketchAggregatorSpec quantiles -> {
				node.put("fieldName", quantiles.fieldName());
				node.put("k", quantiles.k());
			}
			case FirstLastAggregatorSpec firstLast -> {
				node.put("fieldName", firstLast.fieldName());
				node.put("timeColumn", firstLast.timeColumn());
			}
			case CardinalityAggregatorSpec cardinality -> {
				cardinality.fields().forEach(node.putArray("fields")::add);
				node.put("byRow", cardinality.byRow());
				node.put("round", cardinality.round());
			}
			case HyperUniqueAggregatorSpec hyperUnique -> {
				node.put("fieldName", hyperUnique.fieldName());
				node.put("isInputHyperUnique", hyperUnique.isInputHyperUnique());
				node.put("round", hyperUnique.round());
			}
			case FilteredAggregatorSpec filtered ->
				throw new IllegalArgumentException("aggregator " + filtered.name() + " is filtered: query-only, never stored");
		}
		return node;
	}

	/**
	 * Reads an aggregator of an ingestion {@code metricsSpec}: as {@link #read}, refusing those
	 * Strata computes at query time only.
	 */
	public static AggregatorSpec readForIngestion(SpecNode node) {
		AggregatorSpec spec = read(node);
		switch (spec) {
			case CountAggregatorSpec _, NumericAggregatorSpec _, SketchAggregatorSpec _ -> {
			}
			case HyperUniqueAggregatorSpec hyperUnique -> {
				if (hyperUnique.isInputHyperUnique()) {
					throw node.error("isInputHyperUnique", "is not supported: Strata keeps hyperUnique as a DataSketches "
							+ "HLL sketch and cannot read Druid's HyperLogLog collectors");
				}
			}
			case FirstLastAggregatorSpec _, CardinalityAggregatorSpec _, FilteredAggregatorSpec _ -> throw node.error(
					"type", "[" + spec.typeName() + "] is not supported at ingestion; use it in queries");
		}
		return spec;
	}

	/** A cardinality field: a dimension name or a {@code default} dimension spec. */
	private static String cardinalityField(SpecNode field) {
		if (field.isString()) {
			return field.stringValue();
		}
		field.requireObject();
		String type = field.optionalString("type", "default");
		if (!type.equals("default")) {
			throw StrataException.unsupported("dimension spec type[%s] at[%s] is not supported yet", type, field.path());
		}
		return field.requiredString("dimension");
	}

}
