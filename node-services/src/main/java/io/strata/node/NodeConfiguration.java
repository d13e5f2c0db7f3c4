package io.strata.node;

import java.nio.file.Path;

import io.strata.engine.error.StrataException;
import io.strata.node.config.BrokerProperties;
import io.strata.node.config.CoordinatorProperties;
import io.strata.node.config.DeepStorageProperties;
import io.strata.node.config.MetadataProperties;
import io.strata.node.config.NodeProperties;
import io.strata.node.config.OverlordProperties;
import io.strata.node.config.RouterProperties;
import io.strata.node.config.ServerProperties;
import io.strata.node.config.WorkerProperties;
import io.strata.node.config.ZooKeeperProperties;
import io.strata.node.deepstorage.DeepStorage;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.publish.SegmentPublisher;
import io.strata.node.zk.ClusterView;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The parts every role shares: ZooKeeper, the metadata store, deep storage, the cluster view. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ NodeProperties.class, ZooKeeperProperties.class, MetadataProperties.class,
		DeepStorageProperties.class, ServerProperties.class, CoordinatorProperties.class, BrokerProperties.class,
		RouterProperties.class, OverlordProperties.class, WorkerProperties.class })
@org.springframework.context.annotation.Import({ io.strata.node.metadata.jdbc.MetadataConfiguration.class,
		io.strata.node.deepstorage.DeepStorageConfiguration.class })
class NodeConfiguration {

	/** The in-process ZooKeeper of the single-machine default; absent when an ensemble is configured. */
	record EmbeddedZooKeeper(TestingServer server) implements AutoCloseable {

		@Override
		public void close() throws java.io.IOException {
			this.server.close();
		}

	}

	@Bean(destroyMethod = "close")
	EmbeddedZooKeeper embeddedZooKeeper(ZooKeeperProperties zk, NodeProperties node) throws Exception {
		if (!zk.embedded()) {
			return null;
		}
		Path data = node.baseDir().resolve("zk");
		java.nio.file.Files.createDirectories(data);
		InstanceSpec spec = new InstanceSpec(data.toFile(), zk.embeddedPort(), -1, -1, false, -1, -1, -1);
		return new EmbeddedZooKeeper(new TestingServer(spec, true));
	}

	@Bean(destroyMethod = "close")
	CuratorFramework curator(ZooKeeperProperties zk, ObjectProvider<EmbeddedZooKeeper> embedded)
			throws InterruptedException {
		EmbeddedZooKeeper server = embedded.getIfAvailable();
		String connect = server != null ? server.server().getConnectString() : zk.connect();
		CuratorFramework curator = CuratorFrameworkFactory.builder()
			.connectString(connect)
			.sessionTimeoutMs((int) zk.sessionTimeout().toMillis())
			.connectionTimeoutMs(15_000)
			.retryPolicy(new ExponentialBackoffRetry(200, 10, 5_000))
			.build();
		curator.start();
		if (!curator.blockUntilConnected(30, java.util.concurrent.TimeUnit.SECONDS)) {
			curator.close();
			throw StrataException.unavailable("ZooKeeper[%s] did not answer within 30 s", connect);
		}
		return curator;
	}

	@Bean
	ZkPaths zkPaths(ZooKeeperProperties zk) {
		return new ZkPaths(zk.basePath());
	}

	@Bean
	ZkNodes zkNodes(CuratorFramework curator) {
		return new ZkNodes(curator);
	}

	@Bean(initMethod = "start", destroyMethod = "close")
	ClusterView clusterView(CuratorFramework curator, ZkPaths paths) {
		return new ClusterView(curator, paths);
	}

	@Bean
	SegmentPublisher segmentPublisher(DeepStorage deepStorage, SegmentsMetadata segments) {
		return new SegmentPublisher(deepStorage, segments);
	}

}
