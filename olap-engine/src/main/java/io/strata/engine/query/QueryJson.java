package io.strata.engine.query;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.error.StrataException;
import io.strata.engine.expr.Expr;
import io.strata.engine.expr.ExprParser;
import io.strata.engine.json.SpecNode;
import io.strata.engine.query.extraction.ExtractionFn;
import io.strata.engine.query.extraction.ExtractionFnJson;
import io.strata.engine.query.filter.AndFilter;
import io.strata.engine.query.filter.BoundFilter;
import io.strata.engine.query.filter.DimFilter;
import io.strata.engine.query.filter.ExpressionFilter;
import io.strata.engine.query.filter.FalseFilter;
import io.strata.engine.query.filter.InFilter;
import io.strata.engine.query.filter.NotFilter;
import io.strata.engine.query.filter.NullFilter;
import io.strata.engine.query.filter.OrFilter;
import io.strata.engine.query.filter.SelectorFilter;
import io.strata.engine.query.filter.TrueFilter;
import io.strata.engine.segment.Segment;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.GranularityJson;
import io.strata.engine.time.Interval;
import io.strata.engine.type.ColumnType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Druid native queries from JSON into {@link Query} records. Every error names the field
 * at fault; query types Druid has and Strata does not yet are refused as unsupported.
 */
public final class QueryJson {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	public Query read(String json) {
		JsonNode tree;
		try {
			tree = this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw StrataException.invalidInput("Query is not valid JSON: %s", ex.getOriginalMessage());
		}
		if (tree == null || !tree.isObject()) {
			throw StrataException.invalidInput("Query must be a JSON object");
		}
		return read(SpecNode.root(tree, ""));
	}

	public Query read(SpecNode node) {
		String type = node.requiredString("queryType");
		return switch (type) {
			case "timeseries" -> timeseries(node);
			case "topN" -> topN(node);
			case "groupBy" -> groupBy(node);
			case "scan" -> scan(node);
			case "timeBoundary" -> timeBoundary(node);
			case "segmentMetadata" -> segmentMetadata(node);
			case "dataSourceMetadata" -> new DataSourceMetadataQuery(dataSource(node), List.of(Interval.ETERNITY),
					context(node));
			case "search" -> SearchQueryJson.read(node, dataSource(node), intervals(node),
					node.has("filter") ? filter(node.optionalValue("filter")) : null, context(node));
			default -> throw node.error("queryType", "is unknown [" + type + "]; expected one of [timeseries, topN, "
					+ "groupBy, scan, search, timeBoundary, segmentMetadata, dataSourceMetadata]");
		};
	}

	/** The fields timeseries, topN and groupBy share. */
	private record Aggregating(String dataSource, List<Interval> intervals, Granularity granularity, DimFilter filter,
			List<AggregatorSpec> aggregations, List<PostAggregatorSpec> postAggregations, QueryContext context,
			List<VirtualColumn> virtualColumns) {

	}

	private Aggregating aggregating(SpecNode node, boolean granularityRequired) {
		String dataSource = dataSource(node);
		List<Interval> intervals = intervals(node);
		if (granularityRequired && !node.has("granularity")) {
			throw node.error("granularity", "is required");
		}
		Granularity granularity = GranularityJson.read(node, "granularity", Granularity.all());
		DimFilter filter = node.has("filter") ? filter(node.optionalValue("filter")) : null;
		List<VirtualColumn> expressionColumns = new ArrayList<>();
		List<AggregatorSpec> aggregations = node.optionalList("aggregations",
				aggregation -> QueryAggregatorJson.read(aggregation, this::filter, expressionColumns));
		List<PostAggregatorSpec> postAggregations = node.optionalList("postAggregations", this::postAggregator);
		List<VirtualColumn> virtualColumns = virtualColumns(node);
		if (!expressionColumns.isEmpty()) {
			List<VirtualColumn> all = new ArrayList<>(virtualColumns);
			all.addAll(expressionColumns);
			try {
				virtualColumns = VirtualColumn.checked(all);
			}
			catch (IllegalArgumentException ex) {
				throw node.error("aggregations", ex.getMessage());
			}
		}
		return new Aggregating(dataSource, intervals, granularity, filter, aggregations, postAggregations,
				context(node), virtualColumns);
	}

	private TimeseriesQuery timeseries(SpecNode node) {
		Aggregating common = aggregating(node, true);
		boolean descending = node.optionalBoolean("descending", false);
		Integer limit = node.has("limit") ? node.optionalInt("limit", 0) : null;
		return node.build(() -> new TimeseriesQuery(common.dataSource(), common.intervals(), common.granularity(),
				common.filter(), common.aggregations(), common.postAggregations(), descending, limit, common.context(),
				common.virtualColumns()));
	}

	private ScanQuery scan(SpecNode node) {
		String dataSource = dataSource(node);
		List<Interval> intervals = intervals(node);
		DimFilter filter = node.has("filter") ? filter(node.optionalValue("filter")) : null;
		List<String> columns = node.optionalStringList("columns");
		String format = node.optionalString("resultFormat", "list");
		if (!format.equals("list") && !format.equals("compactedList")) {
			throw node.error("resultFormat", "must be list or compactedList");
		}
		String order = node.optionalString("order", "none");
		Long limit = node.has("limit") ? node.optionalLong("limit", 0) : null;
		long offset = node.optionalLong("offset", 0);
		// Druid reads an absent (or zero) batchSize as its default
		int batchSize = node.optionalInt("batchSize", 0);
		if (batchSize < 0) {
			throw node.error("batchSize", "must be greater than 0");
		}
		if (!order.equals("none") && !columns.isEmpty() && !columns.contains(Segment.TIME_COLUMN)) {
			throw node.error("columns", "must include " + Segment.TIME_COLUMN + " when the results are time-ordered "
					+ "(order[" + order + "])");
		}
		QueryContext context = context(node);
		List<VirtualColumn> virtualColumns = virtualColumns(node);
		return node.build(() -> new ScanQuery(dataSource, intervals, filter, columns, format.equals("compactedList"),
				order, limit, offset, context, virtualColumns, batchSize == 0 ? ScanQuery.DEFAULT_BATCH_SIZE : batchSize));
	}

	private SegmentMetadataQuery segmentMetadata(SpecNode node) {
		String dataSource = dataSource(node);
		// introspection sends no intervals: all of time (Druid's defaultHistory is not modelled)
		List<Interval> intervals = node.has("intervals") ? intervals(node) : List.of(Interval.ETERNITY);
		boolean merge = node.optionalBoolean("merge", false);
		List<String> analysisTypes = node.has("analysisTypes") ? node.optionalStringList("analysisTypes")
				: SegmentMetadataQuery.DEFAULT_ANALYSIS;
		// lenientAggregatorMerge / aggregatorMergeStrategy: aggregators are merged leniently always
		node.optionalBoolean("lenientAggregatorMerge", false);
		QueryContext context = context(node);
		return node.build(() -> new SegmentMetadataQuery(dataSource, intervals, merge, analysisTypes, context));
	}

	private TimeBoundaryQuery timeBoundary(SpecNode node) {
		String dataSource = dataSource(node);
		List<Interval> intervals = node.has("intervals") ? intervals(node) : List.of(Interval.ETERNITY);
		DimFilter filter = node.has("filter") ? filter(node.optionalValue("filter")) : null;
		String bound = node.optionalString("bound", null);
		QueryContext context = context(node);
		return node.build(() -> new TimeBoundaryQuery(dataSource, intervals, bound, filter, context));
	}

	private TopNQuery topN(SpecNode node) {
		Aggregating common = aggregating(node, false);
		SpecNode dimensionNode = node.optionalValue("dimension");
		if (dimensionNode == null) {
			throw node.error("dimension", "is required");
		}
		DimensionSpec dimension = DimensionSpecJson.read(dimensionNode);
		if (!node.has("threshold")) {
			throw node.error("threshold", "is required");
		}
		int threshold = node.optionalInt("threshold", 0);
		SpecNode metricNode = node.optionalValue("metric");
		if (metricNode == null) {
			throw node.error("metric", "is required");
		}
		TopNMetric metric = topNMetric(metricNode);
		return node.build(() -> new TopNQuery(common.dataSource(), common.intervals(), common.granularity(),
				common.filter(), dimension, threshold, metric, common.aggregations(), common.postAggregations(),
				common.context(), common.virtualColumns()));
	}

	private GroupByQuery groupBy(SpecNode node) {
		Aggregating common = aggregating(node, true);
		List<DimensionSpec> dimensions = node.optionalList("dimensions", DimensionSpecJson::read);
		HavingSpec having = node.has("having") ? having(node.requiredObject("having")) : null;
		LimitSpec limitSpec = node.has("limitSpec") ? limitSpec(node.requiredObject("limitSpec")) : null;
		List<List<String>> subtotals = node.has("subtotalsSpec") ? subtotalsSpec(node, dimensions) : null;
		return node.build(() -> new GroupByQuery(common.dataSource(), common.intervals(), common.granularity(),
				common.filter(), dimensions, common.aggregations(), common.postAggregations(), having, limitSpec,
				subtotals, common.context(), common.virtualColumns()));
	}

	/** Lists of dimension output names, each name one of the query's dimensions (in any order, as Druid allows). */
	private static List<List<String>> subtotalsSpec(SpecNode node, List<DimensionSpec> dimensions) {
		List<String> names = dimensions.stream().map(DimensionSpec::outputName).toList();
		return node.optionalList("subtotalsSpec", subtotal -> subtotal.elements(name -> {
			if (!name.isString()) {
				throw name.error("must be a dimension output name");
			}
			if (!names.contains(name.stringValue())) {
				throw name.error("is not one of the query's dimensions " + names + " [" + name.stringValue() + "]");
			}
			return name.stringValue();
		}));
	}

	private static TopNMetric topNMetric(SpecNode node) {
		if (node.isString()) {
			return new TopNMetric.Numeric(node.stringValue());
		}
		node.requireObject();
		String type = node.requiredString("type");
		return switch (type) {
			case "numeric" -> new TopNMetric.Numeric(node.requiredString("metric"));
			// lexicographic and alphaNumeric are Druid's older names of dimension orderings
			case "dimension" -> new TopNMetric.Dimension(
					StringOrderingJson.read(node, "ordering", StringOrdering.LEXICOGRAPHIC), previousStop(node));
			case "lexicographic" -> new TopNMetric.Dimension(StringOrdering.LEXICOGRAPHIC, previousStop(node));
			case "alphaNumeric" -> new TopNMetric.Dimension(StringOrdering.ALPHANUMERIC, previousStop(node));
			case "inverted" -> new TopNMetric.Inverted(topNMetric(node.optionalValue("metric") == null
					? fail(node, "metric") : node.optionalValue("metric")));
			default -> throw node.error("type", "is an unknown topN metric [" + type + "]");
		};
	}

	/** A dimension ordering's {@code previousStop}: the value paging resumes after, or null. */
	private static String previousStop(SpecNode node) {
		return scalar(node, "previousStop");
	}

	private static SpecNode fail(SpecNode node, String field) {
		throw node.error(field, "is required");
	}

	private HavingSpec having(SpecNode node) {
		String type = node.requiredString("type");
		return switch (type) {
			case "greaterThan", "lessThan", "equalTo" -> {
				SpecNode value = node.optionalValue("value");
				if (value == null || !value.json().isNumber()) {
					throw node.error("value", "is required and must be a number");
				}
				yield new HavingSpec.Compare(type, node.requiredString("aggregation"), value.json().doubleValue());
			}
			case "dimSelector" -> new HavingSpec.DimSelector(node.requiredString("dimension"), scalar(node, "value"));
			case "and" -> new HavingSpec.And(node.optionalList("havingSpecs", this::having));
			case "or" -> new HavingSpec.Or(node.optionalList("havingSpecs", this::having));
			case "not" -> new HavingSpec.Not(having(node.requiredObject("havingSpec")));
			case "filter" -> {
				DimFilter filter = filter(node.requiredObject("filter"));
				// Druid's finalize (default true) would test unfinalized sketches: not modelled
				if (!node.optionalBoolean("finalize", true)) {
					throw StrataException.unsupported("having filter with finalize[false] at[%s] is not supported yet",
							node.path());
				}
				yield new HavingSpec.Filter(filter);
			}
			default -> throw StrataException.unsupported("having type[%s] at[%s] is not supported yet", type, node.path());
		};
	}

	private static LimitSpec limitSpec(SpecNode node) {
		String type = node.optionalString("type", "default");
		if (!type.equals("default")) {
			throw node.error("type", "must be default");
		}
		List<LimitSpec.OrderByColumn> columns = node.optionalList("columns", column -> {
			if (column.isString()) {
				return new LimitSpec.OrderByColumn(column.stringValue(), false, StringOrdering.LEXICOGRAPHIC);
			}
			column.requireObject();
			String direction = column.optionalString("direction", "ascending");
			StringOrdering order = StringOrderingJson.read(column, "dimensionOrder", StringOrdering.LEXICOGRAPHIC);
			return new LimitSpec.OrderByColumn(column.requiredString("dimension"), direction.startsWith("desc"), order);
		});
		Integer limit = node.has("limit") ? node.optionalInt("limit", 0) : null;
		int offset = node.optionalInt("offset", 0);
		return node.build(() -> new LimitSpec(columns, limit, offset));
	}

	private static String dataSource(SpecNode node) {
		SpecNode value = node.optionalValue("dataSource");
		if (value == null) {
			throw node.error("dataSource", "is required");
		}
		if (value.isString()) {
			return value.stringValue();
		}
		value.requireObject();
		String type = value.optionalString("type", "table");
		if (!type.equals("table")) {
			throw value.error("type", "is not supported yet [" + type + "]; only table datasources are");
		}
		return value.requiredString("name");
	}

	private static List<Interval> intervals(SpecNode node) {
		SpecNode value = node.optionalValue("intervals");
		if (value == null) {
			throw node.error("intervals", "is required");
		}
		if (value.isString()) {
			return List.of(interval(value, value.stringValue()));
		}
		if (value.json().isObject()) {
			return value.optionalList("intervals", element -> interval(element, element.stringValue()));
		}
		return node.optionalList("intervals", element -> {
			if (!element.isString()) {
				throw element.error("must be an ISO-8601 interval string");
			}
			return interval(element, element.stringValue());
		});
	}

	private static Interval interval(SpecNode where, String text) {
		try {
			return Interval.parse(text);
		}
		catch (StrataException ex) {
			throw where.error(ex.getMessage());
		}
	}

	private static QueryContext context(SpecNode node) {
		SpecNode context = node.optionalObject("context");
		Map<String, Object> values = new LinkedHashMap<>();
		if (context != null) {
			for (Map.Entry<String, JsonNode> entry : context.json().properties()) {
				JsonNode value = entry.getValue();
				values.put(entry.getKey(), value.isBoolean() ? value.booleanValue()
						: value.isIntegralNumber() ? value.longValue() : value.isNumber() ? value.doubleValue()
								: value.isNull() ? null : value.isString() ? value.stringValue() : value.toString());
			}
		}
		return new QueryContext(values);
	}

	/** Reads a Druid filter where something other than a query holds one (a transformSpec, say). */
	public DimFilter readFilter(SpecNode node) {
		return filter(node);
	}

	DimFilter filter(SpecNode node) {
		node.requireObject();
		String type = node.requiredString("type");
		return switch (type) {
			case "selector" -> new SelectorFilter(node.requiredString("dimension"), scalar(node, "value"),
					ExtractionFnJson.optional(node, "extractionFn"));
			case "equals" -> {
				String value = scalar(node, "matchValue");
				if (value == null) {
					throw node.error("matchValue", "is required and may not be null (use a null filter)");
				}
				yield new SelectorFilter(node.requiredString("column"), value);
			}
			case "in" -> {
				String dimension = node.requiredString("dimension");
				List<String> values = new ArrayList<>();
				SpecNode list = node.optionalValue("values");
				if (list == null || !list.json().isArray()) {
					throw node.error("values", "is required and must be an array");
				}
				for (JsonNode element : list.json().values()) {
					values.add(element.isNull() ? null : element.isString() ? element.stringValue() : element.asString());
				}
				yield new InFilter(dimension, values, ExtractionFnJson.optional(node, "extractionFn"));
			}
			case "bound" -> {
				StringOrdering ordering = StringOrderingJson.read(node, "ordering", StringOrdering.LEXICOGRAPHIC);
				String dimension = node.requiredString("dimension");
				String lower = scalar(node, "lower");
				String upper = scalar(node, "upper");
				boolean lowerStrict = node.optionalBoolean("lowerStrict", false);
				boolean upperStrict = node.optionalBoolean("upperStrict", false);
				ExtractionFn fn = ExtractionFnJson.optional(node, "extractionFn");
				yield node.build(() -> new BoundFilter(dimension, lower, upper, lowerStrict, upperStrict, ordering, fn));
			}
			case "range" -> {
				String column = node.requiredString("column");
				String valueType = node.requiredString("matchValueType");
				boolean numeric = List.of("LONG", "DOUBLE", "FLOAT").contains(valueType);
				if (!numeric && !valueType.equals("STRING")) {
					throw node.error("matchValueType", "is not supported yet [" + valueType + "]");
				}
				String lower = scalar(node, "lower");
				String upper = scalar(node, "upper");
				boolean lowerOpen = node.optionalBoolean("lowerOpen", false);
				boolean upperOpen = node.optionalBoolean("upperOpen", false);
				yield node.build(() -> new BoundFilter(column, lower, upper, lowerOpen, upperOpen, numeric));
			}
			case "null" -> new NullFilter(node.requiredString("column"));
			case "and" -> node.build(() -> new AndFilter(node.optionalList("fields", this::filter)));
			case "or" -> node.build(() -> new OrFilter(node.optionalList("fields", this::filter)));
			case "not" -> new NotFilter(filter(node.requiredObject("field")));
			case "true" -> new TrueFilter();
			case "false" -> new FalseFilter();
			case "like", "regex", "search", "interval" -> TextFilterJson.read(node, type);
			case "expression" -> {
				String text = node.requiredString("expression");
				yield new ExpressionFilter(text, expression(node, "expression", text));
			}
			case "columnComparison", "arrayContainsElement", "extraction", "javascript", "spatial" ->
				throw StrataException.unsupported("filter type[%s] at[%s] is not supported yet", type, node.path());
			default -> throw node.error("type", "is an unknown filter [" + type + "]");
		};
	}

	private static List<VirtualColumn> virtualColumns(SpecNode node) {
		List<VirtualColumn> columns = node.optionalList("virtualColumns", column -> {
			column.requireObject();
			String type = column.requiredString("type");
			if (!type.equals("expression")) {
				throw StrataException.unsupported("virtual column type[%s] at[%s] is not supported yet", type,
						column.path());
			}
			String name = column.requiredString("name");
			String text = column.requiredString("expression");
			Expr parsed = expression(column, "expression", text);
			// Druid's default when outputType is absent
			ColumnType outputType = column.has("outputType") ? outputType(column) : ColumnType.FLOAT;
			return column.build(() -> new VirtualColumn(name, text, parsed, outputType));
		});
		try {
			return VirtualColumn.checked(columns);
		}
		catch (IllegalArgumentException ex) {
			throw node.error("virtualColumns", ex.getMessage());
		}
	}

	private static ColumnType outputType(SpecNode node) {
		String name = node.requiredString("outputType");
		return switch (name.toUpperCase(java.util.Locale.ROOT)) {
			case "LONG" -> ColumnType.LONG;
			case "FLOAT" -> ColumnType.FLOAT;
			case "DOUBLE" -> ColumnType.DOUBLE;
			case "STRING" -> ColumnType.STRING;
			default -> throw StrataException.unsupported("outputType[%s] at[%s] is not supported yet; LONG, FLOAT, "
					+ "DOUBLE and STRING are", name, node.fieldPath("outputType"));
		};
	}

	/** Parses an expression; its errors stay invalid input and also name the field. */
	static Expr expression(SpecNode node, String field, String text) {
		try {
			return ExprParser.parse(text);
		}
		catch (StrataException ex) {
			throw StrataException.invalidInput("%s (in field[%s])", ex.getMessage(), node.fieldPath(field));
		}
	}

	/** A string, number or boolean value as text; null when absent or null. */
	private static String scalar(SpecNode node, String field) {
		SpecNode value = node.optionalValue(field);
		if (value == null) {
			return null;
		}
		JsonNode json = value.json();
		if (json.isString()) {
			return json.stringValue();
		}
		if (json.isNumber() || json.isBoolean()) {
			return json.asString();
		}
		throw node.error(field, "must be a string or a number");
	}

	private PostAggregatorSpec postAggregator(SpecNode node) {
		node.requireObject();
		String type = node.requiredString("type");
		String name = node.optionalString("name", null);
		return switch (type) {
			case "arithmetic" -> {
				String fn = node.requiredString("fn");
				List<PostAggregatorSpec> fields = node.optionalList("fields", this::postAggregator);
				if (name == null) {
					throw node.error("name", "is required");
				}
				yield node.build(() -> new PostAggregatorSpec.Arithmetic(name, fn, fields));
			}
			case "fieldAccess", "finalizingFieldAccess" -> new PostAggregatorSpec.FieldAccess(name,
					node.requiredString("fieldName"), type.equals("finalizingFieldAccess"));
			case "constant" -> {
				SpecNode value = node.optionalValue("value");
				if (value == null || !value.json().isNumber()) {
					throw node.error("value", "is required and must be a number");
				}
				// the number as written: 1 stays a whole number, 1.5 a double (Druid's ConstantPostAggregator)
				JsonNode number = value.json();
				yield new PostAggregatorSpec.Constant(name,
						number.isIntegralNumber() && number.canConvertToLong() ? (Number) number.longValue()
								: (Number) number.doubleValue());
			}
			case "expression" -> {
				if (name == null) {
					throw node.error("name", "is required");
				}
				if (node.has("ordering")) {
					throw StrataException.unsupported("ordering at[%s] is not supported yet", node.fieldPath("ordering"));
				}
				String text = node.requiredString("expression");
				Expr parsed = expression(node, "expression", text);
				ColumnType outputType = node.has("outputType") ? outputType(node) : null;
				yield new PostAggregatorSpec.Expression(name, text, parsed, outputType);
			}
			default -> {
				if (PostAggregatorJson.TYPES.contains(type)) {
					yield PostAggregatorJson.read(type, node, this::postAggregator);
				}
				throw StrataException.unsupported("post-aggregator type[%s] at[%s] is not supported yet", type,
						node.path());
			}
		};
	}

}
