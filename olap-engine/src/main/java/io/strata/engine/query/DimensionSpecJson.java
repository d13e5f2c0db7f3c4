package io.strata.engine.query;

import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import io.strata.engine.query.extraction.ExtractionFn;
import io.strata.engine.query.extraction.ExtractionFnJson;
import io.strata.engine.type.ColumnType;

/**
 * Reads Druid's dimension specs: a bare column name, {@code default}, {@code extraction}, and
 * {@code lookup} with an inline {@code map} (read as an extraction spec with a lookup function).
 * Stateless.
 */
final class DimensionSpecJson {

	private DimensionSpecJson() {
	}

	static DimensionSpec read(SpecNode node) {
		if (node.isString()) {
			return new DimensionSpec(node.stringValue(), null);
		}
		node.requireObject();
		String type = node.optionalString("type", "default");
		String dimension = node.requiredString("dimension");
		String outputName = node.optionalString("outputName", null);
		ColumnType outputType = outputType(node);
		ExtractionFn fn = switch (type) {
			case "default" -> null;
			case "extraction" -> {
				if (!node.has("extractionFn")) {
					throw node.error("extractionFn", "is required");
				}
				yield ExtractionFnJson.optional(node, "extractionFn");
			}
			case "lookup" -> {
				if (node.has("name")) {
					throw StrataException.unsupported("registered lookup[%s] at[%s] is not supported yet; "
							+ "give the lookup inline", node.optionalString("name", ""), node.fieldPath("name"));
				}
				// the lookup spec's fields are those of the lookup function, plus dimension and names
				yield ExtractionFnJson.lookupOf(node);
			}
			case "listFiltered", "regexFiltered", "prefixFiltered" ->
				throw StrataException.unsupported("dimension spec type[%s] at[%s] is not supported yet", type,
						node.path());
			default -> throw node.error("type", "is an unknown dimension spec [" + type + "]");
		};
		return new DimensionSpec(dimension, outputName, outputType, fn);
	}

	private static ColumnType outputType(SpecNode node) {
		String name = node.optionalString("outputType", "STRING");
		return switch (name.toUpperCase(java.util.Locale.ROOT)) {
			case "STRING" -> ColumnType.STRING;
			case "LONG" -> ColumnType.LONG;
			case "FLOAT" -> ColumnType.FLOAT;
			case "DOUBLE" -> ColumnType.DOUBLE;
			default -> throw node.error("outputType", "must be STRING, LONG, FLOAT or DOUBLE");
		};
	}

}
