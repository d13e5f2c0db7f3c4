package io.strata.engine.segment.format;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.AggregatorSpecJson;
import io.strata.engine.json.SpecNode;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.type.ColumnType;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.GranularityJson;
import io.strata.engine.time.Interval;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata block of a segment file: identity, summaries, aggregators and the location of
 * every column part, as JSON so that an operator can read it with a text tool.
 */
final class SegmentMetadataJson {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private SegmentMetadataJson() {
	}

	static String write(SegmentId id, long rows, boolean rollup, Granularity queryGranularity, ColumnSummary time,
			List<ColumnSummary> dimensions, List<ColumnSummary> metrics, List<AggregatorSpec> aggregators,
			Map<String, Map<String, PartLocation>> layout) {
		ObjectNode root = JsonNodeFactory.instance.objectNode();
		root.put("formatVersion", SegmentFormat.VERSION);
		ObjectNode identity = root.putObject("id");
		identity.put("dataSource", id.dataSource());
		identity.put("interval", id.interval().toString());
		identity.put("version", id.version());
		identity.put("partitionNum", id.partitionNum());
		root.put("numRows", rows);
		root.put("rollup", rollup);
		root.set("queryGranularity", GranularityJson.write(queryGranularity));
		ArrayNode aggregatorNodes = root.putArray("aggregators");
		aggregators.forEach(aggregator -> aggregatorNodes.add(AggregatorSpecJson.write(aggregator)));
		ArrayNode columns = root.putArray("columns");
		columns.add(column("time", time, layout.get(time.name())));
		dimensions.forEach(column -> columns.add(column("dimension", column, layout.get(column.name()))));
		metrics.forEach(column -> columns.add(column("metric", column, layout.get(column.name()))));
		return MAPPER.writeValueAsString(root);
	}

	private static ObjectNode column(String role, ColumnSummary summary, Map<String, PartLocation> parts) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("name", summary.name());
		node.put("role", role);
		node.put("type", summary.type().druidName());
		node.put("hasMultipleValues", summary.hasMultipleValues());
		node.put("hasNulls", summary.hasNulls());
		node.put("cardinality", summary.cardinality());
		node.put("sizeBytes", summary.sizeBytes());
		node.set("minValue", value(summary.minValue()));
		node.set("maxValue", value(summary.maxValue()));
		ObjectNode partNodes = node.putObject("parts");
		parts.forEach((name, location) -> {
			ObjectNode part = partNodes.putObject(name);
			part.put("offset", location.offset());
			part.put("length", location.length());
			part.put("crc32c", location.crc32c());
			part.put("blocks", location.blocks());
		});
		return node;
	}

	private static JsonNode value(Object value) {
		return switch (value) {
			case null -> JsonNodeFactory.instance.nullNode();
			case Long number -> JsonNodeFactory.instance.numberNode(number);
			case Double number -> JsonNodeFactory.instance.numberNode(number);
			default -> JsonNodeFactory.instance.stringNode(value.toString());
		};
	}

	/** The parsed metadata block. */
	record Parsed(SegmentMetadata metadata, Map<String, Map<String, PartLocation>> layout) {

	}

	static Parsed read(String json, long fileSize) {
		SpecNode root = SpecNode.root(MAPPER.readTree(json), "segment metadata");
		SpecNode identity = root.requiredObject("id");
		SegmentId id = new SegmentId(identity.requiredString("dataSource"),
				Interval.parse(identity.requiredString("interval")), identity.requiredString("version"),
				identity.optionalInt("partitionNum", 0));
		Granularity queryGranularity = GranularityJson.read(root, "queryGranularity", Granularity.none());
		List<AggregatorSpec> aggregators = root.optionalList("aggregators", AggregatorSpecJson::read);
		Map<String, Map<String, PartLocation>> layout = new LinkedHashMap<>();
		List<ColumnSummary> time = new ArrayList<>();
		List<ColumnSummary> dimensions = new ArrayList<>();
		List<ColumnSummary> metrics = new ArrayList<>();
		root.optionalList("columns", column -> {
			String name = column.requiredString("name");
			ColumnType type = ColumnType.fromDruidName(column.requiredString("type"));
			ColumnSummary summary = new ColumnSummary(name, type, column.optionalBoolean("hasMultipleValues", false),
					column.optionalBoolean("hasNulls", false), column.optionalInt("cardinality", -1),
					column.optionalLong("sizeBytes", 0), scalar(column.json().get("minValue"), type),
					scalar(column.json().get("maxValue"), type));
			switch (column.requiredString("role")) {
				case "time" -> time.add(summary);
				case "dimension" -> dimensions.add(summary);
				case "metric" -> metrics.add(summary);
				default -> throw column.error("role", "is unknown");
			}
			Map<String, PartLocation> parts = new LinkedHashMap<>();
			SpecNode partNodes = column.requiredObject("parts");
			for (String partName : partNodes.json().propertyNames()) {
				SpecNode part = partNodes.requiredObject(partName);
				parts.put(partName, new PartLocation(part.optionalLong("offset", -1), part.optionalLong("length", -1),
						part.optionalInt("crc32c", 0), part.optionalBoolean("blocks", false)));
			}
			layout.put(name, parts);
			return summary;
		});
		if (time.size() != 1) {
			throw root.error("columns", "must hold exactly one time column");
		}
		SegmentMetadata metadata = new SegmentMetadata(id, root.optionalInt("formatVersion", 0),
				root.optionalLong("numRows", 0), fileSize, root.optionalBoolean("rollup", false), queryGranularity,
				time.getFirst(), dimensions, metrics, aggregators);
		return new Parsed(metadata, layout);
	}

	private static Object scalar(JsonNode node, ColumnType type) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (type == ColumnType.FLOAT || type == ColumnType.DOUBLE) {
			// JSON has no infinities: Jackson writes them as the strings "Infinity" and "-Infinity"
			return node.isString() ? Double.parseDouble(node.stringValue()) : node.doubleValue();
		}
		if (node.isIntegralNumber()) {
			return node.longValue();
		}
		if (node.isNumber()) {
			return node.doubleValue();
		}
		return node.stringValue();
	}

}
