package io.strata.node.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code strata.zk.*}: the ZooKeeper ensemble.
 * @param connect the ensemble's connect string; empty starts an in-process ZooKeeper server (the
 * single-machine default) on {@code embeddedPort}, its data under the node's base directory
 * @param basePath the root of every Strata znode, Druid's {@code /druid} so tools find them
 * @param sessionTimeout how long a silent node keeps its announcements: shorter finds dead
 * historicals sooner, too short drops live ones in GC pauses
 */
@ConfigurationProperties("strata.zk")
public record ZooKeeperProperties(@DefaultValue("") String connect, @DefaultValue("2181") int embeddedPort,
		@DefaultValue("/druid") String basePath, @DefaultValue("15s") Duration sessionTimeout) {

	public boolean embedded() {
		return this.connect.isBlank();
	}

}
