package io.strata.node.metadata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Druid's Kafka commit metadata JSON: {@code {"type":"kafka","partitions":{"type":"end",
 * "stream":"topic","partitionOffsetMap":{"0":123}}}}; start offsets are {@code "type":"start"}
 * with {@code exclusivePartitions}. Both kinds read back to {@link StreamOffsets}. Thread-safe.
 */
public final class StreamOffsetsJson {

	/** Which of Druid's sequence-number classes to write. */
	public enum Kind {

		START, END

	}

	private final ObjectMapper mapper = JsonMapper.builder().build();

	public Map<String, Object> toMap(StreamOffsets offsets, Kind kind) {
		Map<String, Long> offsetMap = writeOffsetMap(offsets.partitionOffsets());
		Map<String, Object> partitions = new LinkedHashMap<>();
		partitions.put("type", kind == Kind.START ? "start" : "end");
		partitions.put("stream", offsets.stream());
		partitions.put("partitionOffsetMap", offsetMap);
		if (kind == Kind.START) {
			partitions.put("exclusivePartitions", List.of());
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", "kafka");
		json.put("partitions", partitions);
		return json;
	}

	public String toJson(StreamOffsets offsets, Kind kind) {
		return this.mapper.writeValueAsString(toMap(offsets, kind));
	}

	/** @throws StrataException invalid input naming the bad field */
	public StreamOffsets read(String json, String field) {
		try {
			return read(this.mapper.readTree(json), field);
		}
		catch (JacksonException ex) {
			throw StrataException.invalidInput("Field[%s] is not valid JSON: %s", field, ex.getOriginalMessage());
		}
	}

	/** @throws StrataException invalid input naming the bad field */
	public StreamOffsets read(JsonNode json, String field) {
		SpecNode root = SpecNode.root(json, field);
		root.requireObject();
		String type = root.requiredString("type");
		if (!type.equals("kafka")) {
			throw root.error("type", "is [" + type + "]; only [kafka] stream metadata is supported");
		}
		SpecNode partitions = root.requiredObject("partitions");
		String kind = partitions.optionalString("type", "end");
		if (!kind.equals("start") && !kind.equals("end")) {
			throw partitions.error("type", "is [" + kind + "]; expected [start] or [end]");
		}
		String stream = partitions.requiredString("stream");
		return new StreamOffsets(stream, readOffsetMap(partitions.requiredObject("partitionOffsetMap")));
	}

	/**
	 * A JSON map of partition number (a string key, as Druid writes it) to offset, both not
	 * negative. @throws StrataException invalid input naming the bad entry
	 */
	public static TreeMap<Integer, Long> readOffsetMap(SpecNode offsetMap) {
		TreeMap<Integer, Long> offsets = new TreeMap<>();
		for (String partition : offsetMap.json().propertyNames()) {
			int number;
			try {
				number = Integer.parseInt(partition);
			}
			catch (NumberFormatException ex) {
				throw offsetMap.error(partition, "is not a partition number");
			}
			long offset = offsetMap.optionalLong(partition, -1);
			if (number < 0 || offset < 0) {
				throw offsetMap.error(partition, "must be a partition number >= 0 with an offset >= 0");
			}
			offsets.put(number, offset);
		}
		return offsets;
	}

	/** Offsets keyed by the partition number as a string, Druid's JSON form of such a map. */
	public static Map<String, Long> writeOffsetMap(Map<Integer, Long> offsets) {
		Map<String, Long> json = new LinkedHashMap<>();
		new TreeMap<>(offsets).forEach((partition, offset) -> json.put(partition.toString(), offset));
		return json;
	}

}
