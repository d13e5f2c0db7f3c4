package io.strata.node.zk;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.strata.engine.error.StrataException;
import io.strata.node.segment.DataSegmentJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of a {@link LoadRequest} znode in Druid's shape: the action beside the segment's own
 * payload fields ({@code {"action":"load","dataSource":..,"interval":..,...}}), since Druid's
 * change requests unwrap the segment. Thread-safe.
 */
public final class LoadRequestJson {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final DataSegmentJson segments = new DataSegmentJson();

	public byte[] write(LoadRequest request) {
		ObjectNode json = this.mapper.createObjectNode();
		json.put("action", request.action().name().toLowerCase(Locale.ROOT));
		json.setAll(this.segments.write(request.segment()));
		return this.mapper.writeValueAsBytes(json);
	}

	public LoadRequest read(byte[] data) {
		JsonNode json;
		try {
			json = this.mapper.readTree(new String(data, StandardCharsets.UTF_8));
		}
		catch (JacksonException ex) {
			throw StrataException.invalidSpec("Load request is not valid JSON: %s", ex.getOriginalMessage());
		}
		String action = json.path("action").asString("");
		LoadRequest.Action parsed = switch (action) {
			case "load" -> LoadRequest.Action.LOAD;
			case "drop" -> LoadRequest.Action.DROP;
			default -> throw StrataException.invalidSpec("Load request action[%s] is neither load nor drop", action);
		};
		return new LoadRequest(parsed, this.segments.read(json));
	}

}
