package io.strata.node.overlord.worker;

import java.util.LinkedHashMap;
import java.util.Map;

import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The overlord's dynamic worker config, Druid's {@code WorkerBehaviorConfig}:
 * {@code {"type":"default","selectStrategy":{...},"autoScaler":null}}. Auto-scaling is not
 * supported: a non-null {@code autoScaler} is refused. Unknown fields are ignored, as Druid does.
 * Thread-safe.
 */
public final class WorkerBehaviorConfigJson {

	/** The config-table name, as Druid's. */
	public static final String CONFIG_KEY = "worker.config";

	private final ObjectMapper mapper = JsonMapper.builder().build();

	/** @throws StrataException invalid input naming the bad field */
	public WorkerSelectStrategy read(String body) {
		JsonNode json;
		try {
			json = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw StrataException.invalidInput("Worker config is not valid JSON: %s", ex.getOriginalMessage());
		}
		if (json == null || !json.isObject()) {
			throw StrataException.invalidInput("Worker config must be a JSON object");
		}
		SpecNode root = SpecNode.root(json, "");
		String type = root.optionalString("type", "default");
		if (!type.equals("default")) {
			throw root.error("type", "must be default, not " + type);
		}
		if (root.has("autoScaler")) {
			throw root.error("autoScaler", "is not supported: workers are not auto-scaled");
		}
		SpecNode strategy = root.optionalObject("selectStrategy");
		if (strategy == null) {
			return WorkerSelectStrategy.DEFAULT;
		}
		String strategyType = strategy.optionalString("type", "equalDistribution");
		return switch (strategyType) {
			case "equalDistribution" -> new WorkerSelectStrategy.EqualDistribution();
			case "fillCapacity" -> new WorkerSelectStrategy.FillCapacity();
			case "equalDistributionWithCategorySpec" ->
				new WorkerSelectStrategy.EqualDistributionWithCategorySpec(categorySpec(strategy));
			case "fillCapacityWithCategorySpec" ->
				new WorkerSelectStrategy.FillCapacityWithCategorySpec(categorySpec(strategy));
			default -> throw strategy.error("type", "names strategy[" + strategyType + "], which is none of "
					+ "[equalDistribution, equalDistributionWithCategorySpec, fillCapacity, fillCapacityWithCategorySpec]");
		};
	}

	private static WorkerCategorySpec categorySpec(SpecNode strategy) {
		SpecNode spec = strategy.optionalObject("workerCategorySpec");
		if (spec == null) {
			return new WorkerCategorySpec(Map.of(), false);
		}
		Map<String, WorkerCategorySpec.CategoryConfig> categoryMap = new LinkedHashMap<>();
		SpecNode map = spec.optionalObject("categoryMap");
		if (map != null) {
			for (var entry : map.json().properties()) {
				SpecNode config = map.requiredObject(entry.getKey());
				Map<String, String> affinity = new LinkedHashMap<>();
				SpecNode affinityNode = config.optionalObject("categoryAffinity");
				if (affinityNode != null) {
					for (var pair : affinityNode.json().properties()) {
						affinity.put(pair.getKey(), affinityNode.requiredString(pair.getKey()));
					}
				}
				categoryMap.put(entry.getKey(),
						new WorkerCategorySpec.CategoryConfig(config.optionalString("defaultCategory", null), affinity));
			}
		}
		return new WorkerCategorySpec(categoryMap, spec.optionalBoolean("strong", false));
	}

	/** Druid's JSON of the config in force. */
	public Map<String, Object> toMap(WorkerSelectStrategy strategy) {
		Map<String, Object> select = new LinkedHashMap<>();
		select.put("type", strategy.type());
		WorkerCategorySpec spec = switch (strategy) {
			case WorkerSelectStrategy.EqualDistributionWithCategorySpec s -> s.workerCategorySpec();
			case WorkerSelectStrategy.FillCapacityWithCategorySpec s -> s.workerCategorySpec();
			case WorkerSelectStrategy.EqualDistribution s -> null;
			case WorkerSelectStrategy.FillCapacity s -> null;
		};
		if (spec != null) {
			Map<String, Object> categoryMap = new LinkedHashMap<>();
			spec.categoryMap().forEach((taskType, config) -> {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("defaultCategory", config.defaultCategory());
				entry.put("categoryAffinity", config.categoryAffinity());
				categoryMap.put(taskType, entry);
			});
			Map<String, Object> specJson = new LinkedHashMap<>();
			specJson.put("categoryMap", categoryMap);
			specJson.put("strong", spec.strong());
			select.put("workerCategorySpec", specJson);
		}
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("type", "default");
		config.put("selectStrategy", select);
		config.put("autoScaler", null);
		return config;
	}

	public String write(WorkerSelectStrategy strategy) {
		return this.mapper.writeValueAsString(toMap(strategy));
	}

}
