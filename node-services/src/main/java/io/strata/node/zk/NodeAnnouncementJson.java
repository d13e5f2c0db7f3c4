package io.strata.node.zk;

import java.nio.charset.StandardCharsets;

import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of a {@link NodeAnnouncement} znode: Druid's {@code DruidNode} fields, where
 * {@code host} is the host name alone and the port is {@code plaintextPort}, then Strata's
 * inventory fields. Thread-safe.
 */
public final class NodeAnnouncementJson {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	public byte[] write(NodeAnnouncement node) {
		ObjectNode json = this.mapper.createObjectNode();
		json.put("service", node.service());
		json.put("host", node.host());
		json.put("plaintextPort", node.port());
		json.put("tlsPort", -1);
		json.put("enablePlaintextPort", true);
		json.put("enableTlsPort", false);
		ArrayNode roles = json.putArray("roles");
		node.roles().forEach(roles::add);
		json.put("tier", node.tier());
		json.put("priority", node.priority());
		json.put("maxSize", node.maxSize());
		json.put("startTime", node.startTime());
		return this.mapper.writeValueAsBytes(json);
	}

	public NodeAnnouncement read(byte[] data) {
		JsonNode json;
		try {
			json = this.mapper.readTree(new String(data, StandardCharsets.UTF_8));
		}
		catch (JacksonException ex) {
			throw StrataException.invalidSpec("Node announcement is not valid JSON: %s", ex.getOriginalMessage());
		}
		SpecNode node = SpecNode.root(json, "announcement");
		String host = node.requiredString("host");
		int port = node.optionalInt("plaintextPort", -1);
		if (port <= 0 || port > 65535) {
			throw node.error("plaintextPort", "must be a port number, not " + port);
		}
		String hostAndPort = host + ":" + port;
		return new NodeAnnouncement(hostAndPort, node.requiredString("service"),
				node.optionalStringList("roles"), node.optionalString("tier", "_default_tier"),
				node.optionalInt("priority", 0), node.optionalLong("maxSize", 0), node.optionalLong("startTime", 0));
	}

}
