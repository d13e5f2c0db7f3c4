package io.strata.engine.ingest;

import io.strata.engine.input.TimestampSpec;
import io.strata.engine.input.TimestampFormat;
import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.AggregatorSpecJson;
import io.strata.engine.input.AvroOcfInputFormatSpec;
import io.strata.engine.input.CsvInputFormatSpec;
import io.strata.engine.input.InputFormatSpec;
import io.strata.engine.input.JsonInputFormatSpec;
import io.strata.engine.input.ParquetInputFormatSpec;
import io.strata.engine.error.StrataException;
import io.strata.engine.expr.Expr;
import io.strata.engine.expr.ExprParser;
import io.strata.engine.json.SpecNode;
import io.strata.engine.query.QueryJson;
import io.strata.engine.type.ColumnType;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.GranularityJson;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Druid's JSON shapes of the ingestion specs ({@code dataSchema}, {@code inputFormat}) read into
 * records and written back. Every error names the field at fault.
 */
public final class IngestSpecJson {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	/** Reads transformSpec filters: Druid's query filters, as queries have them. */
	private final QueryJson queryJson = new QueryJson();

	public DataSchema readDataSchema(String json) {
		return readDataSchema(SpecNode.root(parse(json, "dataSchema"), "dataSchema"));
	}

	public DataSchema readDataSchema(SpecNode node) {
		String dataSource = node.requiredString("dataSource");
		// Fields Druid knows that change what is ingested: refused until they are built, rather
		// than ignored and silently ingesting something else.
		rejectUnsupported(node, "parser", "was removed in Druid 37; use ioConfig.inputFormat and timestampSpec");
		rejectUnsupported(node, "projections", "are not supported yet");
		SpecNode dimensionsNode = node.optionalObject("dimensionsSpec");
		if (dimensionsNode != null) {
			rejectUnsupported(dimensionsNode, "spatialDimensions", "are not supported");
			if (!dimensionsNode.optionalBoolean("forceSegmentSortByTime", true)) {
				throw dimensionsNode.error("forceSegmentSortByTime", "must be true: segments are always sorted by time first");
			}
		}
		TimestampSpec timestampSpec = readTimestampSpec(node.optionalObject("timestampSpec"), node);
		DimensionsSpec dimensionsSpec = readDimensionsSpec(node.optionalObject("dimensionsSpec"));
		List<AggregatorSpec> metrics = node.optionalList("metricsSpec", AggregatorSpecJson::readForIngestion);
		GranularitySpec granularitySpec = readGranularitySpec(node.optionalObject("granularitySpec"));
		TransformSpec transformSpec = readTransformSpec(node.optionalObject("transformSpec"));
		return node.build(() -> new DataSchema(dataSource, timestampSpec, dimensionsSpec, metrics, granularitySpec,
				transformSpec));
	}

	public InputFormatSpec readInputFormat(SpecNode node) {
		String type = node.requiredString("type");
		return switch (type) {
			case "json" -> {
				rejectUnsupported(node, "flattenSpec", "is not supported yet; only root-level fields are read");
				yield new JsonInputFormatSpec();
			}
			case "csv" -> {
				List<String> columns = node.optionalStringList("columns");
				boolean fromHeader = node.optionalBoolean("findColumnsFromHeader", columns.isEmpty());
				String delimiter = node.optionalString("listDelimiter", CsvInputFormatSpec.DEFAULT_LIST_DELIMITER);
				int skip = node.optionalInt("skipHeaderRows", 0);
				yield node.build(() -> new CsvInputFormatSpec(columns, fromHeader, delimiter, skip));
			}
			case "avro_ocf" -> {
				rejectUnsupported(node, "flattenSpec", "is not supported yet; only root-level fields are read");
				rejectUnsupported(node, "schema", "is not supported; the writer schema in each file is used");
				yield new AvroOcfInputFormatSpec(node.optionalBoolean("binaryAsString", false));
			}
			case "parquet" -> {
				rejectUnsupported(node, "flattenSpec", "is not supported yet; only root-level fields are read");
				yield new ParquetInputFormatSpec(node.optionalBoolean("binaryAsString", false));
			}
			default -> throw node.error("type",
					"is an unknown input format [" + type + "]; expected one of [json, csv, avro_ocf, parquet]");
		};
	}

	/** Refuses a present, non-empty field. */
	private static void rejectUnsupported(SpecNode node, String field, String problem) {
		SpecNode value = node.optionalValue(field);
		if (value == null) {
			return;
		}
		tools.jackson.databind.JsonNode json = value.json();
		boolean empty = json.isEmpty() || (json.isObject() && doesNothing(json));
		if (!empty) {
			throw node.error(field, problem);
		}
	}

	/** True for the spelling of "nothing" Druid users write: {@code {"useFieldDiscovery": true, "fields": []}}. */
	private static boolean doesNothing(tools.jackson.databind.JsonNode json) {
		for (String field : json.propertyNames()) {
			tools.jackson.databind.JsonNode value = json.get(field);
			boolean harmless = value.isNull() || (value.isArray() && value.isEmpty())
					|| (field.equals("useFieldDiscovery") && value.isBoolean() && value.booleanValue());
			if (!harmless) {
				return false;
			}
		}
		return true;
	}

	private TransformSpec readTransformSpec(SpecNode node) {
		if (node == null) {
			return TransformSpec.NONE;
		}
		Set<String> names = new HashSet<>();
		List<ExpressionTransform> transforms = node.optionalList("transforms", transform -> {
			transform.requireObject();
			String type = transform.requiredString("type");
			if (!type.equals("expression")) {
				throw transform.error("type", "is an unknown transform [" + type + "]; expected expression");
			}
			String name = transform.requiredString("name");
			if (!names.add(name)) {
				throw transform.error("name", "[" + name + "] is the name of an earlier transform");
			}
			String text = transform.requiredString("expression");
			Expr parsed;
			try {
				parsed = ExprParser.parse(text);
			}
			catch (StrataException ex) {
				throw transform.error("expression", "is not a valid expression: " + ex.getMessage());
			}
			return transform.build(() -> new ExpressionTransform(name, text, parsed));
		});
		SpecNode filterNode = node.optionalObject("filter");
		TransformSpec.Filter filter = filterNode == null ? null
				: new TransformSpec.Filter(toJson(filterNode.json()), this.queryJson.readFilter(filterNode));
		return node.build(() -> new TransformSpec(filter, transforms));
	}

	private TimestampSpec readTimestampSpec(SpecNode node, SpecNode parent) {
		if (node == null) {
			throw parent.error("timestampSpec", "is required");
		}
		String column = node.optionalString("column", TimestampSpec.DEFAULT_COLUMN);
		String formatName = node.optionalString("format", "auto");
		TimestampFormat format;
		try {
			format = TimestampFormat.fromJsonName(formatName);
		}
		catch (IllegalArgumentException ex) {
			throw node.error("format", ex.getMessage());
		}
		Long missing = null;
		String missingValue = node.optionalString("missingValue", null);
		if (missingValue != null) {
			try {
				missing = IsoTime.parse(missingValue);
			}
			catch (IllegalArgumentException ex) {
				throw node.error("missingValue", "is not an ISO-8601 time: " + ex.getMessage());
			}
		}
		Long missingMillis = missing;
		return node.build(() -> new TimestampSpec(column, format, missingMillis));
	}

	private DimensionsSpec readDimensionsSpec(SpecNode node) {
		if (node == null) {
			return DimensionsSpec.discover(List.of());
		}
		List<DimensionSchema> dimensions = node.optionalList("dimensions", this::readDimension);
		List<String> exclusions = node.optionalStringList("dimensionExclusions");
		boolean discovery = node.optionalBoolean("useSchemaDiscovery", false);
		boolean includeAll = node.optionalBoolean("includeAllDimensions", false);
		return node.build(() -> new DimensionsSpec(dimensions, exclusions, discovery, includeAll));
	}

	private DimensionSchema readDimension(SpecNode node) {
		if (node.isString()) {
			return node.build(() -> DimensionSchema.string(node.stringValue()));
		}
		node.requireObject();
		String name = node.requiredString("name");
		String typeName = node.optionalString("type", "string");
		ColumnType type = switch (typeName) {
			case "string" -> ColumnType.STRING;
			case "long" -> ColumnType.LONG;
			case "float" -> ColumnType.FLOAT;
			case "double" -> ColumnType.DOUBLE;
			default -> throw node.error("type",
					"is an unknown dimension type [" + typeName + "]; expected one of [string, long, float, double]");
		};
		MultiValueHandling handling;
		try {
			handling = MultiValueHandling.fromJsonName(node.optionalString("multiValueHandling", "sorted_array"));
		}
		catch (IllegalArgumentException ex) {
			throw node.error("multiValueHandling", ex.getMessage());
		}
		boolean bitmap = node.optionalBoolean("createBitmapIndex", type == ColumnType.STRING);
		return node.build(() -> new DimensionSchema(name, type, handling, bitmap));
	}

	private GranularitySpec readGranularitySpec(SpecNode node) {
		if (node == null) {
			return GranularitySpec.defaults();
		}
		String type = node.optionalString("type", "uniform");
		if (!type.equals("uniform")) {
			throw node.error("type", "must be uniform");
		}
		Granularity segment = GranularityJson.read(node, "segmentGranularity", Granularity.named("day"));
		Granularity query = GranularityJson.read(node, "queryGranularity", Granularity.none());
		boolean rollup = node.optionalBoolean("rollup", true);
		List<Interval> intervals = node.optionalList("intervals", element -> {
			if (!element.isString()) {
				throw element.error("must be an ISO-8601 interval string");
			}
			try {
				return Interval.parse(element.stringValue());
			}
			catch (RuntimeException ex) {
				throw element.error(ex.getMessage());
			}
		});
		return node.build(() -> new GranularitySpec(segment, query, rollup, intervals));
	}

	public JsonNode writeDataSchema(DataSchema schema) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("dataSource", schema.dataSource());
		ObjectNode timestamp = node.putObject("timestampSpec");
		timestamp.put("column", schema.timestampSpec().column());
		timestamp.put("format", schema.timestampSpec().format().jsonName());
		if (schema.timestampSpec().missingValue() != null) {
			timestamp.put("missingValue", IsoTime.format(schema.timestampSpec().missingValue()));
		}
		ObjectNode dimensions = node.putObject("dimensionsSpec");
		ArrayNode dimensionList = dimensions.putArray("dimensions");
		for (DimensionSchema dimension : schema.dimensionsSpec().dimensions()) {
			ObjectNode entry = dimensionList.addObject();
			entry.put("type", dimension.type().druidName().toLowerCase(java.util.Locale.ROOT));
			entry.put("name", dimension.name());
			entry.put("multiValueHandling", dimension.multiValueHandling().jsonName());
			entry.put("createBitmapIndex", dimension.createBitmapIndex());
		}
		ArrayNode exclusions = dimensions.putArray("dimensionExclusions");
		schema.dimensionsSpec().dimensionExclusions().forEach(exclusions::add);
		dimensions.put("useSchemaDiscovery", schema.dimensionsSpec().useSchemaDiscovery());
		dimensions.put("includeAllDimensions", schema.dimensionsSpec().includeAllDimensions());
		ArrayNode metrics = node.putArray("metricsSpec");
		schema.metricsSpec().forEach(metric -> metrics.add(AggregatorSpecJson.write(metric)));
		ObjectNode granularity = node.putObject("granularitySpec");
		granularity.put("type", "uniform");
		granularity.set("segmentGranularity", GranularityJson.write(schema.granularitySpec().segmentGranularity()));
		granularity.set("queryGranularity", GranularityJson.write(schema.granularitySpec().queryGranularity()));
		granularity.put("rollup", schema.granularitySpec().rollup());
		ArrayNode intervals = granularity.putArray("intervals");
		schema.granularitySpec().intervals().forEach(interval -> intervals.add(interval.toString()));
		ObjectNode transformSpec = node.putObject("transformSpec");
		ArrayNode transforms = transformSpec.putArray("transforms");
		for (ExpressionTransform transform : schema.transformSpec().transforms()) {
			transforms.addObject()
				.put("type", "expression")
				.put("name", transform.name())
				.put("expression", transform.expression());
		}
		if (schema.transformSpec().filter() != null) {
			transformSpec.set("filter", parse(schema.transformSpec().filter().json(), "transformSpec.filter"));
		}
		return node;
	}

	public String toJson(JsonNode node) {
		return this.mapper.writeValueAsString(node);
	}

	public JsonNode parse(String json, String what) {
		try {
			return this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw StrataException.invalidSpec("Invalid spec: %s is not valid JSON: %s", what,
					ex.getOriginalMessage());
		}
	}

}
