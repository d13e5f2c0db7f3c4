package io.strata.node.zk;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.node.deepstorage.LoadSpec;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.DataSegmentJson;
import io.strata.node.segment.ShardSpec;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.imps.CuratorFrameworkState;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link ClusterView} against a real (in-process) ZooKeeper: each node has its own Curator
 * session, announces itself and its segments as ephemeral znodes, and goes away with its session.
 */
class ClusterViewIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final ZkPaths paths = new ZkPaths("/druid");

	private final NodeAnnouncementJson nodeJson = new NodeAnnouncementJson();

	private final DataSegmentJson segmentJson = new DataSegmentJson();

	private final List<CuratorFramework> clients = new ArrayList<>();

	private final List<Announced> announced = new ArrayList<>();

	/** An ephemeral znode and the session it belongs to. */
	private record Announced(CuratorFramework client, PersistentNode node) {

	}

	private TestingServer server;

	private ClusterView view;

	private final AtomicInteger changes = new AtomicInteger();

	@BeforeEach
	void startZooKeeper() throws Exception {
		this.server = new TestingServer(true);
		this.view = new ClusterView(client(), this.paths);
		this.view.addListener(this.changes::incrementAndGet);
	}

	@AfterEach
	void stopEverything() throws Exception {
		this.view.close();
		for (Announced znode : this.announced) {
			// a znode of a session a test closed went with it; its client can no longer delete anything
			if (znode.client().getState() == CuratorFrameworkState.STARTED) {
				znode.node().close();
			}
		}
		this.clients.forEach(CuratorFramework::close);
		this.server.close();
	}

	@Test
	void seesAnnouncedNodesAndWhatEachServes() {
		CuratorFramework first = client();
		CuratorFramework second = client();
		announce(first, historical("data-1:8083", "hot"));
		announce(second, historical("data-2:8083", "_default_tier"));
		announce(second, broker("query-1:8082"));
		serve(first, "data-1:8083", segment(0));
		serve(first, "data-1:8083", segment(1));
		serve(second, "data-2:8083", segment(1));

		this.view.start();

		await().atMost(TIMEOUT).until(() -> this.view.initialized() && servedBy("data-1:8083") == 2
				&& servedBy("data-2:8083") == 1);
		assertThat(this.view.nodes()).extracting(NodeAnnouncement::hostAndPort)
			.containsExactly("data-1:8083", "data-2:8083", "query-1:8082");
		assertThat(this.view.nodes("broker")).extracting(NodeAnnouncement::hostAndPort).containsExactly("query-1:8082");
		assertThat(this.view.servers()).containsOnlyKeys("data-1:8083", "data-2:8083");
		assertThat(this.view.servers().get("data-1:8083").node()).isEqualTo(historical("data-1:8083", "hot"));
		assertThat(this.view.servers().get("data-1:8083").segments()).containsOnlyKeys(segment(0).id().toString(),
				segment(1).id().toString());
		assertThat(this.view.servers().get("data-2:8083").segments().values()).containsExactly(segment(1));
		assertThat(ClusterView.allServed(this.view.servers())).containsExactly(segment(0), segment(1));
		assertThat(this.changes.get()).isPositive();
	}

	@Test
	void listenersHearOfEachChange() {
		CuratorFramework node = client();
		announce(node, historical("data-1:8083", "hot"));
		this.view.start();
		await().atMost(TIMEOUT).until(() -> this.view.initialized() && this.view.servers().size() == 1);
		int before = this.changes.get();

		serve(node, "data-1:8083", segment(4));

		await().atMost(TIMEOUT).until(() -> this.changes.get() > before && servedBy("data-1:8083") == 1);
		assertThat(this.view.servers().get("data-1:8083").segments().values()).containsExactly(segment(4));
	}

	@Test
	void aNodeWhoseSessionClosesLeavesWithItsSegments() throws Exception {
		CuratorFramework staying = client();
		CuratorFramework leaving = client();
		announce(staying, historical("data-1:8083", "hot"));
		announce(leaving, historical("data-2:8083", "hot"));
		serve(staying, "data-1:8083", segment(0));
		serve(leaving, "data-2:8083", segment(1));
		serve(leaving, "data-2:8083", segment(2));
		this.view.start();
		await().atMost(TIMEOUT).until(() -> servedBy("data-1:8083") == 1 && servedBy("data-2:8083") == 2);
		int before = this.changes.get();

		// as when the process dies: the session ends under its still-open PersistentNodes (Curator logs a
		// StackOverflowError from their retry loop on the closed client here; a node shutting down cleanly
		// closes its PersistentNodes first, as LocalNode and SegmentManager do)
		leaving.close();

		await().atMost(TIMEOUT).until(() -> !this.view.servers().containsKey("data-2:8083")
				&& ClusterView.allServed(this.view.servers()).size() == 1);
		assertThat(this.view.nodes()).extracting(NodeAnnouncement::hostAndPort).containsExactly("data-1:8083");
		assertThat(ClusterView.allServed(this.view.servers())).containsExactly(segment(0));
		assertThat(this.changes.get()).isGreaterThan(before);
	}

	@Test
	void segmentsOfAServerThatIsNotAnnouncedAreNotServed() {
		CuratorFramework node = client();
		serve(node, "ghost:8083", segment(0));
		announce(node, broker("query-1:8082"));
		this.view.start();

		await().atMost(TIMEOUT).until(() -> this.view.initialized() && this.view.nodes().size() == 1);
		assertThat(this.view.servers()).isEmpty();
	}

	/** -1 while the server is not (yet) in the view. */
	private int servedBy(String hostAndPort) {
		ClusterView.ServerInventory server = this.view.servers().get(hostAndPort);
		return server == null ? -1 : server.segments().size();
	}

	private CuratorFramework client() {
		CuratorFramework client = CuratorFrameworkFactory.builder()
			.connectString(this.server.getConnectString())
			.sessionTimeoutMs(10_000)
			.connectionTimeoutMs(5_000)
			.retryPolicy(new RetryOneTime(100))
			.build();
		client.start();
		this.clients.add(client);
		return client;
	}

	private void announce(CuratorFramework client, NodeAnnouncement node) {
		this.announced.add(new Announced(client,
				new ZkNodes(client).ephemeral(this.paths.announcement(node.hostAndPort()), this.nodeJson.write(node))));
	}

	private void serve(CuratorFramework client, String hostAndPort, DataSegment segment) {
		this.announced.add(new Announced(client,
				new ZkNodes(client).ephemeral(this.paths.servedSegment(hostAndPort, segment.id().toString()),
						this.segmentJson.toJson(segment).getBytes(StandardCharsets.UTF_8))));
	}

	private static NodeAnnouncement historical(String hostAndPort, String tier) {
		return new NodeAnnouncement(hostAndPort, "druid/historical", List.of("historical"), tier, 0, 1L << 30, 1);
	}

	private static NodeAnnouncement broker(String hostAndPort) {
		return new NodeAnnouncement(hostAndPort, "druid/broker", List.of("broker"), "_default_tier", 0, 0, 1);
	}

	private static DataSegment segment(int partition) {
		return new DataSegment(new SegmentId("wikipedia", Interval.parse("2024-01-01/P1D"), "v1", partition),
				new LoadSpec.Local("/deep/" + partition), List.of("page"), List.of("count"),
				new ShardSpec.Numbered(partition, 3), DataSegment.BINARY_VERSION, 100);
	}

}
