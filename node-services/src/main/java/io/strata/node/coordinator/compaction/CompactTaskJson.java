package io.strata.node.coordinator.compaction;

import java.security.SecureRandom;
import java.util.Map;

import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compact task auto-compaction submits, in Druid's shape ({@code ClientCompactionTaskQuery}):
 * {@code {"type":"compact","id","dataSource","ioConfig":{"type":"compact","inputSpec":{"type":
 * "interval","interval"}},"tuningConfig","granularitySpec","dimensionsSpec","metricsSpec",
 * "transformSpec","context"}}, with the config's tuning config typed {@code index_parallel} and
 * its partitionsSpec written out in full (a hashed one with {@code forceGuaranteedRollup}), and
 * context {@code priority} = {@code taskPriority}. Thread-safe.
 */
public final class CompactTaskJson {

	/** Druid's prefix of the tasks the coordinator issues. */
	public static final String ID_PREFIX = "coordinator-issued_compact_";

	private static final String ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz";

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final SecureRandom random = new SecureRandom();

	/** Druid's id: {@code coordinator-issued_compact_<dataSource>_<time>_<random>}. */
	public String newId(String dataSource, long now) {
		StringBuilder suffix = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			suffix.append(ID_CHARACTERS.charAt(this.random.nextInt(ID_CHARACTERS.length())));
		}
		return ID_PREFIX + dataSource + "_" + IsoTime.format(now) + "_" + suffix;
	}

	public String write(String id, DataSourceCompactionConfig config, Interval interval) {
		ObjectNode task = this.mapper.createObjectNode();
		task.put("type", "compact");
		task.put("id", id);
		task.put("dataSource", config.dataSource());
		ObjectNode ioConfig = task.putObject("ioConfig");
		ioConfig.put("type", "compact");
		ObjectNode inputSpec = ioConfig.putObject("inputSpec");
		inputSpec.put("type", "interval");
		inputSpec.put("interval", interval.toString());
		if (config.ioConfig() != null && config.ioConfig().has("dropExisting")) {
			ioConfig.set("dropExisting", config.ioConfig().get("dropExisting").deepCopy());
		}
		ObjectNode tuning = config.tuningConfig() == null ? this.mapper.createObjectNode()
				: (ObjectNode) config.tuningConfig().deepCopy();
		tuning.put("type", "index_parallel");
		Map<String, Object> partitions = PartitionsSpec.write(config.partitionsSpec());
		tuning.set("partitionsSpec", this.mapper.valueToTree(partitions));
		if (config.partitionsSpec() instanceof PartitionsSpec.Hashed) {
			tuning.put("forceGuaranteedRollup", true);
		}
		task.set("tuningConfig", tuning);
		setIfPresent(task, "granularitySpec", config.granularitySpec());
		setIfPresent(task, "dimensionsSpec", config.dimensionsSpec());
		setIfPresent(task, "metricsSpec", config.metricsSpec());
		setIfPresent(task, "transformSpec", config.transformSpec());
		ObjectNode context = config.taskContext() == null ? this.mapper.createObjectNode()
				: (ObjectNode) config.taskContext().deepCopy();
		context.put("priority", config.taskPriority());
		task.set("context", context);
		return this.mapper.writeValueAsString(task);
	}

	private static void setIfPresent(ObjectNode task, String field, JsonNode value) {
		if (value != null) {
			task.set(field, value.deepCopy());
		}
	}

}
