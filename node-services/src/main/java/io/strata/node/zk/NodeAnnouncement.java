package io.strata.node.zk;

import java.util.List;
import java.util.Objects;

/**
 * What a node announces about itself: Druid's {@code DruidNode} fields ({@code service},
 * {@code host}, {@code plaintextPort}) and the data-server fields of its inventory
 * ({@code tier}, {@code priority}, {@code maxSize}), plus its roles and whether it leads.
 * @param hostAndPort the node's id in every znode path
 */
public record NodeAnnouncement(String hostAndPort, String service, List<String> roles, String tier, int priority,
		long maxSize, long startTime) {

	public NodeAnnouncement {
		Objects.requireNonNull(hostAndPort, "hostAndPort");
		Objects.requireNonNull(service, "service");
		Objects.requireNonNull(tier, "tier");
		roles = List.copyOf(roles);
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

	public String host() {
		return this.hostAndPort.substring(0, this.hostAndPort.lastIndexOf(':'));
	}

	public int port() {
		return Integer.parseInt(this.hostAndPort.substring(this.hostAndPort.lastIndexOf(':') + 1));
	}

	public String url() {
		return "http://" + this.hostAndPort;
	}

}
