package io.strata.node.historical;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.strata.node.config.ConditionalOnRole;
import io.strata.node.config.NodeProperties;
import io.strata.node.config.Role;
import io.strata.node.config.ServerProperties;
import io.strata.node.deepstorage.DeepStorage;
import io.strata.node.LocalNode;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The historical role's parts; it starts serving once the node is announced. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.HISTORICAL)
class HistoricalConfiguration {

	@Bean(destroyMethod = "close")
	SegmentManager segmentManager(ServerProperties server, NodeProperties node, DeepStorage deepStorage, ZkNodes zk,
			ZkPaths paths, MeterRegistry meters) {
		SegmentCacheDirectory cache = new SegmentCacheDirectory(
				server.cacheDirectory() != null ? server.cacheDirectory() : node.baseDir().resolve("segment-cache"),
				server.maxSize().toBytes());
		SegmentManager manager = new SegmentManager(cache, deepStorage, zk, paths, server.loadingThreads());
		Gauge.builder("strata.historical.segments.loaded", manager, m -> m.servedSegments().size())
			.description("Segments this historical serves")
			.register(meters);
		Gauge.builder("strata.historical.segments.bytes", manager, SegmentManager::usedBytes).register(meters);
		Gauge.builder("strata.historical.loads.failed", manager, SegmentManager::failedLoads).register(meters);
		return manager;
	}

	@Bean
	HistoricalQueries historicalQueries(SegmentManager segments) {
		return new HistoricalQueries(segments);
	}

	@Bean
	HistoricalStarter historicalStarter(SegmentManager segments) {
		return new HistoricalStarter(segments);
	}

	/** Starts the segment manager once this node's host:port is known and announced. */
	static final class HistoricalStarter {

		private final SegmentManager segments;

		HistoricalStarter(SegmentManager segments) {
			this.segments = segments;
		}

		@EventListener
		void nodeStarted(LocalNode.Started started) {
			this.segments.start(started.hostAndPort());
		}

	}

}
