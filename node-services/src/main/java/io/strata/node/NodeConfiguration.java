package io.strata.node;

import java.nio.file.Path;

import javax.sql.DataSource;

import io.strata.engine.error.StrataException;
import io.strata.node.config.BrokerProperties;
import io.strata.node.config.CoordinatorProperties;
import io.strata.node.config.DeepStorageProperties;
import io.strata.node.config.MetadataProperties;
import io.strata.node.config.NodeProperties;
import io.strata.node.config.RouterProperties;
import io.strata.node.config.ServerProperties;
import io.strata.node.config.ZooKeeperProperties;
import io.strata.node.deepstorage.DeepStorage;
import io.strata.node.deepstorage.local.LocalDeepStorage;
import io.strata.node.deepstorage.s3.S3ClientFactory;
import io.strata.node.deepstorage.s3.S3DeepStorage;
import io.strata.node.deepstorage.s3.S3Settings;
import io.strata.node.metadata.ConfigMetadata;
import io.strata.node.metadata.RulesMetadata;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.metadata.jdbc.JdbcConfigMetadata;
import io.strata.node.metadata.jdbc.JdbcRulesMetadata;
import io.strata.node.metadata.jdbc.JdbcSegmentsMetadata;
import io.strata.node.metadata.jdbc.MetadataSchema;
import io.strata.node.metadata.jdbc.PrefixedNamingStrategy;
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
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcMySqlDialect;
import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.data.relational.core.sql.IdentifierProcessing;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The parts every role shares: ZooKeeper, the metadata store, deep storage, the cluster view. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ NodeProperties.class, ZooKeeperProperties.class, MetadataProperties.class,
		DeepStorageProperties.class, ServerProperties.class, CoordinatorProperties.class, BrokerProperties.class,
		RouterProperties.class })
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
	DeepStorage deepStorage(DeepStorageProperties properties, NodeProperties node) {
		return switch (properties.type()) {
			case "local" -> new LocalDeepStorage(properties.directory() != null ? properties.directory()
					: node.baseDir().resolve("deep-storage"));
			case "s3" -> {
				DeepStorageProperties.S3 s3 = properties.s3();
				S3Settings settings = new S3Settings(s3.endpoint().isBlank() ? null : java.net.URI.create(s3.endpoint()), s3.region(), s3.bucket(), s3.baseKey(),
						s3.pathStyleAccess(), blankToNull(s3.accessKey()), blankToNull(s3.secretKey()));
				yield new S3DeepStorage(S3ClientFactory.create(settings), s3.bucket(), s3.baseKey());
			}
			default -> throw StrataException.invalidSpec("strata.deep-storage.type[%s] is neither local nor s3",
					properties.type());
		};
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	@Bean
	NamingStrategy metadataNamingStrategy(MetadataProperties metadata) {
		return new PrefixedNamingStrategy(metadata.tablePrefix());
	}

	@Bean
	JdbcDialect jdbcDialect() {
		// MySQL's backtick quoting with case kept: H2 in MySQL mode with case-insensitive identifiers reads it too
		return new JdbcMySqlDialect(IdentifierProcessing.create(new IdentifierProcessing.Quoting("`"),
				IdentifierProcessing.LetterCasing.AS_IS));
	}

	@Bean
	MetadataSchema metadataSchema(DataSource dataSource, MetadataProperties metadata) {
		MetadataSchema schema = new MetadataSchema(dataSource, metadata.tablePrefix());
		schema.createOrUpgrade();
		return schema;
	}

	@Bean
	TransactionTemplate metadataTransactions(PlatformTransactionManager transactions) {
		return new TransactionTemplate(transactions);
	}

	@Bean
	SegmentsMetadata segmentsMetadata(MetadataSchema schema, JdbcAggregateTemplate template,
			NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, MetadataProperties metadata) {
		return new JdbcSegmentsMetadata(template, jdbc, transactions, metadata.tablePrefix());
	}

	@Bean
	RulesMetadata rulesMetadata(MetadataSchema schema, JdbcAggregateTemplate template, NamedParameterJdbcTemplate jdbc,
			TransactionTemplate transactions, MetadataProperties metadata) {
		return new JdbcRulesMetadata(template, jdbc, transactions, metadata.tablePrefix());
	}

	@Bean
	ConfigMetadata configMetadata(MetadataSchema schema, JdbcAggregateTemplate template,
			TransactionTemplate transactions) {
		return new JdbcConfigMetadata(template, transactions);
	}

	@Bean
	SegmentPublisher segmentPublisher(DeepStorage deepStorage, SegmentsMetadata segments) {
		return new SegmentPublisher(deepStorage, segments);
	}

}
