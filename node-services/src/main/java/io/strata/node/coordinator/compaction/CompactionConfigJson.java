package io.strata.node.coordinator.compaction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.GranularityJson;
import io.strata.engine.time.IsoPeriod;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Druid's JSON of the compaction configs: one datasource's ({@code POST /config/compaction}) and
 * the cluster's ({@code GET /config/compaction}, stored under {@code coordinator.compaction.config}).
 * Every error is invalid input naming the field. Thread-safe.
 */
public final class CompactionConfigJson {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	/** @throws StrataException invalid input naming the bad field */
	public DataSourceCompactionConfig readDataSource(String body) {
		return readDataSource(SpecNode.root(parse(body, "Compaction config"), ""));
	}

	public DataSourceCompactionConfig readDataSource(SpecNode node) {
		String dataSource = node.requiredString("dataSource");
		int taskPriority = node.optionalInt("taskPriority", DataSourceCompactionConfig.DEFAULT_TASK_PRIORITY);
		long inputSize = node.optionalLong("inputSegmentSizeBytes",
				DataSourceCompactionConfig.DEFAULT_INPUT_SEGMENT_SIZE_BYTES);
		if (inputSize <= 0) {
			throw node.error("inputSegmentSizeBytes", "must be positive, not " + inputSize);
		}
		String skip = node.optionalString("skipOffsetFromLatest", DataSourceCompactionConfig.DEFAULT_SKIP_OFFSET);
		if (!skip.matches("PT?(0+[YMWDHS]|T)*")) {
			try {
				IsoPeriod.parse(skip);
			}
			catch (RuntimeException ex) {
				throw node.error("skipOffsetFromLatest", "is not an ISO period: " + skip);
			}
		}
		SpecNode tuning = node.optionalObject("tuningConfig");
		PartitionsSpec partitions = PartitionsSpec.read(tuning == null ? null : tuning.optionalObject("partitionsSpec"));
		if (tuning != null) {
			String type = tuning.optionalString("type", "index_parallel");
			if (!type.equals("index_parallel")) {
				throw tuning.error("type", "must be index_parallel, not " + type);
			}
			for (String positive : List.of("maxRowsInMemory", "maxNumConcurrentSubTasks", "maxRowsPerSegment")) {
				if (tuning.has(positive) && tuning.optionalLong(positive, 1) <= 0) {
					throw tuning.error(positive, "must be positive");
				}
			}
		}
		else if (node.has("maxRowsPerSegment")) {
			// Druid's deprecated top-level form of a dynamic partitionsSpec
			partitions = node.build(() -> new PartitionsSpec.Dynamic(node.optionalInt("maxRowsPerSegment", 0),
					Long.MAX_VALUE));
		}
		SpecNode granularitySpec = node.optionalObject("granularitySpec");
		Granularity segmentGranularity = null;
		if (granularitySpec != null) {
			segmentGranularity = GranularityJson.read(granularitySpec, "segmentGranularity", null);
			GranularityJson.read(granularitySpec, "queryGranularity", null);
			granularitySpec.optionalBoolean("rollup", true);
		}
		requireKind(node, "dimensionsSpec", true);
		requireKind(node, "transformSpec", true);
		requireKind(node, "metricsSpec", false);
		SpecNode ioConfig = node.optionalObject("ioConfig");
		if (ioConfig != null) {
			ioConfig.optionalBoolean("dropExisting", false);
		}
		SpecNode context = node.optionalObject("taskContext");
		PartitionsSpec finalPartitions = partitions;
		Granularity finalGranularity = segmentGranularity;
		return node.build(() -> new DataSourceCompactionConfig(dataSource, taskPriority, inputSize, skip,
				finalPartitions, finalGranularity, tuning == null ? null : tuning.json(),
				granularitySpec == null ? null : granularitySpec.json(), node.json().get("dimensionsSpec"),
				node.json().get("metricsSpec"), node.json().get("transformSpec"),
				ioConfig == null ? null : ioConfig.json(), context == null ? null : context.json()));
	}

	private static void requireKind(SpecNode node, String field, boolean object) {
		SpecNode value = node.optionalValue(field);
		if (value != null && (object ? !value.json().isObject() : !value.json().isArray())) {
			throw node.error(field, object ? "must be a JSON object" : "must be an array");
		}
	}

	/** Druid's field order; absent parts are null. */
	public Map<String, Object> writeDataSource(DataSourceCompactionConfig config) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("dataSource", config.dataSource());
		json.put("taskPriority", config.taskPriority());
		json.put("inputSegmentSizeBytes", config.inputSegmentSizeBytes());
		json.put("maxRowsPerSegment", null);
		json.put("skipOffsetFromLatest", config.skipOffsetFromLatest());
		json.put("tuningConfig", config.tuningConfig());
		json.put("granularitySpec", config.granularitySpec());
		json.put("dimensionsSpec", config.dimensionsSpec());
		json.put("transformSpec", config.transformSpec());
		json.put("metricsSpec", config.metricsSpec());
		json.put("ioConfig", config.ioConfig());
		json.put("taskContext", config.taskContext());
		return json;
	}

	public Map<String, Object> writeSlots(CompactionConfig config) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("compactionTaskSlotRatio", config.compactionTaskSlotRatio());
		json.put("maxCompactionTaskSlots", config.maxCompactionTaskSlots());
		json.put("useAutoScaleSlots", false);
		return json;
	}

	public Map<String, Object> writeCluster(CompactionConfig config) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("compactionConfigs", config.compactionConfigs().stream().map(this::writeDataSource).toList());
		json.putAll(writeSlots(config));
		return json;
	}

	public String toJson(Object value) {
		return this.mapper.writeValueAsString(value);
	}

	/** The cluster config, as stored or posted. */
	public CompactionConfig readCluster(String body) {
		SpecNode root = SpecNode.root(parse(body, "Compaction config"), "");
		List<DataSourceCompactionConfig> configs = new ArrayList<>(
				root.optionalList("compactionConfigs", element -> readDataSource(element)));
		double ratio = CompactionConfig.DEFAULT_SLOT_RATIO;
		JsonNode ratioNode = root.json().get("compactionTaskSlotRatio");
		if (ratioNode != null && !ratioNode.isNull()) {
			if (!ratioNode.isNumber()) {
				throw root.error("compactionTaskSlotRatio", "must be a number");
			}
			ratio = ratioNode.doubleValue();
		}
		int max = root.optionalInt("maxCompactionTaskSlots", Integer.MAX_VALUE);
		checkSlots(root, ratio, max);
		double finalRatio = ratio;
		return root.build(() -> new CompactionConfig(configs, finalRatio, max));
	}

	/** @throws StrataException invalid input naming {@code compactionTaskSlotRatio} or {@code maxCompactionTaskSlots} */
	public static void checkSlots(SpecNode where, double ratio, int max) {
		if (!(ratio >= 0 && ratio <= 1)) {
			throw where.error("compactionTaskSlotRatio", "must be between 0 and 1, not " + ratio);
		}
		if (max < 0) {
			throw where.error("maxCompactionTaskSlots", "must not be negative, not " + max);
		}
	}

	private JsonNode parse(String body, String what) {
		if (body == null || body.isBlank()) {
			throw StrataException.invalidInput("%s is missing: POST it as JSON", what);
		}
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw StrataException.invalidInput("%s is not valid JSON: %s", what, ex.getOriginalMessage());
		}
	}

}
