package io.strata.node.query;

import java.util.ArrayList;
import java.util.List;

import io.strata.engine.error.StrataException;
import io.strata.engine.query.exec.IntermediateResults;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds and reads the JSON of segment-scoped queries and their by-segment answers. Thread-safe.
 * <pre>
 * query:    {...the broker's query..., "intervals": {"type":"segments","segments":[{"itvl":..,"ver":..,"part":..}]},
 *            "context": {..., "bySegment": true, "strataPartialResults": true}}
 * answer:   [{"timestamp": itvl start, "result": {"results": [...un-finalized rows...], "segment": id, "interval": itvl}}]
 * header X-Druid-Response-Context: {"missingSegments": [{"itvl":..,"ver":..,"part":..}]}
 * </pre>
 */
public final class DataServerProtocol {

	/** Druid's response header carrying the response context. */
	public static final String RESPONSE_CONTEXT_HEADER = "X-Druid-Response-Context";

	public static final String BY_SEGMENT = "bySegment";

	private final ObjectMapper mapper = JsonMapper.builder().build();

	public ObjectNode parseQuery(String json) {
		try {
			JsonNode node = this.mapper.readTree(json);
			if (!(node instanceof ObjectNode object)) {
				throw StrataException.invalidSpec("Invalid query: the body must be a JSON object");
			}
			return object;
		}
		catch (JacksonException ex) {
			throw StrataException.invalidSpec("Invalid query: the body is not valid JSON: %s", ex.getOriginalMessage());
		}
	}

	/** The query for a data server: scoped to the segments, asking for mergeable by-segment results. */
	public String segmentQuery(ObjectNode query, List<SegmentDescriptor> segments) {
		ObjectNode scoped = query.deepCopy();
		ObjectNode spec = this.mapper.createObjectNode();
		spec.put("type", "segments");
		ArrayNode list = spec.putArray("segments");
		segments.forEach(segment -> list.add(write(segment)));
		scoped.set("intervals", spec);
		ObjectNode context = scoped.has("context") && scoped.get("context").isObject()
				? (ObjectNode) scoped.get("context") : scoped.putObject("context");
		context.put(BY_SEGMENT, true);
		context.put(IntermediateResults.PARTIAL, true);
		return this.mapper.writeValueAsString(scoped);
	}

	/** The segments a segment-scoped query names, or null when its intervals are plain intervals. */
	public List<SegmentDescriptor> scopedSegments(ObjectNode query) {
		JsonNode intervals = query.get("intervals");
		if (intervals == null || !intervals.isObject() || !"segments".equals(intervals.path("type").asString(""))) {
			return null;
		}
		return readDescriptors(intervals.path("segments"), "intervals.segments");
	}

	/** The query one segment runs: the scope replaced by the descriptor's interval. */
	public String perSegmentQuery(ObjectNode query, SegmentDescriptor segment) {
		ObjectNode single = query.deepCopy();
		single.putArray("intervals").add(segment.interval().toString());
		ObjectNode context = single.has("context") && single.get("context").isObject()
				? (ObjectNode) single.get("context") : single.putObject("context");
		context.remove(BY_SEGMENT);
		return this.mapper.writeValueAsString(single);
	}

	public boolean bySegment(ObjectNode query) {
		JsonNode value = query.path("context").path(BY_SEGMENT);
		return value.asBoolean(false) || "true".equals(value.asString(""));
	}

	/** One element of a by-segment answer. */
	public void appendResult(StringBuilder out, String segmentId, SegmentDescriptor descriptor, String results) {
		out.append(out.length() == 1 ? "" : ",");
		out.append("{\"timestamp\":\"").append(IsoTime.format(descriptor.interval().startMillis()))
			.append("\",\"result\":{\"results\":").append(results).append(",\"segment\":")
			.append(this.mapper.writeValueAsString(segmentId)).append(",\"interval\":\"")
			.append(descriptor.interval()).append("\"}}");
	}

	/**
	 * A by-segment answer read back: segment id, the piece it answers and its results, as JSON text.
	 * @param interval the descriptor's {@code itvl}: one segment may answer several pieces of a
	 * query (two intervals within it, or the parts of it a newer version leaves visible)
	 */
	public record SegmentResult(String segmentId, String interval, String results) {

	}

	public List<SegmentResult> readBySegment(String body) {
		JsonNode array;
		try {
			array = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw StrataException.invalidSpec("A data server answer is not valid JSON: %s", ex.getOriginalMessage());
		}
		if (!array.isArray()) {
			throw StrataException.invalidSpec("A data server answer is not a by-segment array");
		}
		List<SegmentResult> results = new ArrayList<>();
		for (JsonNode element : array) {
			JsonNode result = element.path("result");
			results.add(new SegmentResult(result.path("segment").asString(""), result.path("interval").asString(""),
					this.mapper.writeValueAsString(result.path("results"))));
		}
		return results;
	}

	public String missingSegmentsHeader(List<SegmentDescriptor> missing) {
		ObjectNode context = this.mapper.createObjectNode();
		ArrayNode list = context.putArray("missingSegments");
		missing.forEach(segment -> list.add(write(segment)));
		return this.mapper.writeValueAsString(context);
	}

	public List<SegmentDescriptor> readMissingSegments(String header) {
		if (header == null || header.isBlank()) {
			return List.of();
		}
		JsonNode context;
		try {
			context = this.mapper.readTree(header);
		}
		catch (JacksonException ex) {
			throw StrataException.invalidSpec("A data server's %s header is not valid JSON: %s", RESPONSE_CONTEXT_HEADER,
					ex.getOriginalMessage());
		}
		JsonNode missing = context.path("missingSegments");
		// the response context may carry other keys only: then nothing is missing
		return missing.isMissingNode() || missing.isNull() ? List.of() : readDescriptors(missing, "missingSegments");
	}

	private ObjectNode write(SegmentDescriptor segment) {
		ObjectNode node = this.mapper.createObjectNode();
		node.put("itvl", segment.interval().toString());
		node.put("ver", segment.version());
		node.put("part", segment.partitionNum());
		return node;
	}

	private static List<SegmentDescriptor> readDescriptors(JsonNode list, String field) {
		if (!list.isArray()) {
			throw StrataException.invalidSpec("Invalid query: field[%s] must be an array", field);
		}
		List<SegmentDescriptor> segments = new ArrayList<>();
		for (JsonNode node : list) {
			if (!node.path("itvl").isString() || !node.path("ver").isString()) {
				throw StrataException.invalidSpec("Invalid query: field[%s] needs itvl and ver in every element", field);
			}
			Interval interval;
			try {
				interval = Interval.parse(node.path("itvl").asString());
			}
			catch (RuntimeException ex) {
				throw StrataException.invalidSpec("Invalid query: field[%s] has an itvl that is not an ISO interval: %s",
						field, node.path("itvl").asString());
			}
			segments.add(new SegmentDescriptor(interval, node.path("ver").asString(), node.path("part").asInt(0)));
		}
		return segments;
	}

}
