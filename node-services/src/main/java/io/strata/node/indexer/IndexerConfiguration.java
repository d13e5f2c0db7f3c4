package io.strata.node.indexer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.strata.node.LocalNode;
import io.strata.node.config.ConditionalOnRole;
import io.strata.node.config.NodeProperties;
import io.strata.node.config.Role;
import io.strata.node.config.WorkerProperties;
import io.strata.node.deepstorage.DeepStorage;
import io.strata.node.metadata.DataSourceMetadataStore;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.publish.SegmentPublisher;
import io.strata.node.task.TaskTypes;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The worker role's parts (middleManager and indexer alike); it announces itself once the node is up. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole({ Role.MIDDLE_MANAGER, Role.INDEXER })
class IndexerConfiguration {

	@Bean
	TaskFiles taskFiles(NodeProperties node) {
		return new TaskFiles(node.baseDir().resolve("tasks"));
	}

	@Bean(destroyMethod = "close")
	OverlordClient overlordClient(ZkNodes zk, ZkPaths paths) {
		// long enough to ride out an overlord restart or a leader change
		return new OverlordClient(zk, paths, java.time.Duration.ofMinutes(2));
	}

	@Bean
	LiveSegments liveSegments(ZkNodes zk, ZkPaths paths) {
		return new LiveSegments(zk, paths);
	}

	@Bean(destroyMethod = "close")
	WorkerTaskRunner workerTaskRunner(ZkNodes zk, ZkPaths paths, WorkerProperties properties, TaskTypes types,
			TaskFiles files, OverlordClient overlord, SegmentPublisher publisher, DeepStorage deepStorage,
			SegmentsMetadata segments, LiveSegments liveSegments, DataSourceMetadataStore dataSources,
			MeterRegistry meters) {
		WorkerTaskRunner runner = new WorkerTaskRunner(zk, paths, properties, types, files, overlord, publisher,
				deepStorage, segments, liveSegments, dataSources);
		Gauge.builder("strata.worker.tasks.running", runner, r -> r.running().size())
			.description("Tasks running on this worker")
			.register(meters);
		return runner;
	}

	@Bean
	WorkerStarter workerStarter(WorkerTaskRunner runner) {
		return new WorkerStarter(runner);
	}

	/** Announces the worker once this node's host:port is known. */
	static final class WorkerStarter {

		private final WorkerTaskRunner runner;

		WorkerStarter(WorkerTaskRunner runner) {
			this.runner = runner;
		}

		@EventListener
		void nodeStarted(LocalNode.Started started) {
			this.runner.start(started.hostAndPort());
		}

	}

}
