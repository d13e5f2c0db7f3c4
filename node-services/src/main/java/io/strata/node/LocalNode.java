package io.strata.node;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.strata.node.config.BrokerProperties;
import io.strata.node.config.NodeProperties;
import io.strata.node.config.Role;
import io.strata.node.config.ServerProperties;
import io.strata.node.zk.NodeAnnouncement;
import io.strata.node.zk.NodeAnnouncementJson;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This process as the cluster sees it: its {@code host:port} (known once the web server has
 * bound its port) and its announcement under {@code announcements/<host:port>}, which lives as
 * long as the process. Publishes {@link Started} once announced so roles can begin.
 */
@Component
public class LocalNode implements AutoCloseable {

	/** Published when the node is reachable and announced. */
	public record Started(String hostAndPort) {

	}

	private final NodeProperties node;

	private final ServerProperties server;

	private final BrokerProperties broker;

	private final ZkNodes zk;

	private final ZkPaths paths;

	private final ApplicationEventPublisher events;

	private final CountDownLatch started = new CountDownLatch(1);

	private final long startTime = System.currentTimeMillis();

	private volatile String hostAndPort;

	private volatile PersistentNode announcement;

	LocalNode(NodeProperties node, ServerProperties server, BrokerProperties broker, ZkNodes zk, ZkPaths paths,
			ApplicationEventPublisher events) {
		this.node = node;
		this.server = server;
		this.broker = broker;
		this.zk = zk;
		this.paths = paths;
		this.events = events;
	}

	@EventListener
	void webServerStarted(WebServerInitializedEvent event) {
		if (this.hostAndPort != null) {
			return;
		}
		this.hostAndPort = this.node.host() + ":" + event.getWebServer().getPort();
		List<String> roles = this.node.roles().stream().map(Role::configName).toList();
		Role main = this.node.roles().getFirst();
		NodeAnnouncement announced = new NodeAnnouncement(this.hostAndPort,
				this.node.runs(Role.BROKER) ? brokerService() : main.serviceName(), roles, this.server.tier(),
				this.server.priority(), this.server.maxSize().toBytes(), this.startTime);
		this.announcement = this.zk.ephemeral(this.paths.announcement(this.hostAndPort),
				new NodeAnnouncementJson().write(announced));
		this.started.countDown();
		this.events.publishEvent(new Started(this.hostAndPort));
	}

	private String brokerService() {
		return this.broker.serviceName();
	}

	/** {@code host:port} of this node, or null before the web server is up. */
	public String hostAndPort() {
		return this.hostAndPort;
	}

	public long startTime() {
		return this.startTime;
	}

	public List<Role> roles() {
		return this.node.roles();
	}

	@Override
	public void close() throws java.io.IOException {
		PersistentNode node = this.announcement;
		if (node != null) {
			node.close();
		}
	}

}
