package io.strata.node.zk;

import java.nio.charset.StandardCharsets;

import io.strata.engine.json.SpecNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON of a {@link NodeAnnouncement} znode. Thread-safe. */
public final class NodeAnnouncementJson {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	public byte[] write(NodeAnnouncement node) {
		ObjectNode json = this.mapper.createObjectNode();
		json.put("service", node.service());
		json.put("host", node.hostAndPort());
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
		SpecNode node = SpecNode.root(this.mapper.readTree(new String(data, StandardCharsets.UTF_8)), "announcement");
		return new NodeAnnouncement(node.requiredString("host"), node.requiredString("service"),
				node.optionalStringList("roles"), node.optionalString("tier", "_default_tier"),
				node.optionalInt("priority", 0), node.optionalLong("maxSize", 0), node.optionalLong("startTime", 0));
	}

}
