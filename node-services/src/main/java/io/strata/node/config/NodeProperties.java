package io.strata.node.config;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code strata.node.*}: what this process is.
 * @param roles the roles to run; by default the whole single-machine cluster ({@link Role#DEFAULTS})
 * @param host the host name other nodes use to reach this one; change it when nodes run on
 * different machines
 * @param baseDir where a node keeps its state (embedded ZooKeeper and metadata DB, local deep
 * storage, segment cache) unless a part is configured elsewhere
 */
@ConfigurationProperties("strata.node")
public record NodeProperties(@DefaultValue({ "coordinator", "overlord", "broker", "router", "historical", "indexer" }) List<Role> roles,
		@DefaultValue("localhost") String host, @DefaultValue("var/strata") Path baseDir) {

	public NodeProperties {
		roles = List.copyOf(roles);
	}

	public boolean runs(Role role) {
		return this.roles.contains(role);
	}

}
