package io.strata.node.overlord;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.strata.node.LocalNode;
import io.strata.node.config.ConditionalOnRole;
import io.strata.node.config.OverlordProperties;
import io.strata.node.config.Role;
import io.strata.node.metadata.ConfigMetadata;
import io.strata.node.metadata.DataSourceMetadataStore;
import io.strata.node.metadata.PendingSegmentsMetadata;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.metadata.TaskLocksMetadata;
import io.strata.node.metadata.TasksMetadata;
import io.strata.node.overlord.lock.TaskLockbox;
import io.strata.node.task.TaskTypes;
import io.strata.node.zk.LeaderRedirectInterceptor;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The overlord role's parts; it joins the election once the node is announced. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.OVERLORD)
class OverlordConfiguration {

	@Bean
	TaskLockbox taskLockbox(TaskLocksMetadata locks, SegmentsMetadata segments) {
		return new TaskLockbox(locks, segments, System::currentTimeMillis);
	}

	@Bean(destroyMethod = "close")
	Overlord overlord(TasksMetadata tasks, TaskLockbox lockbox, ConfigMetadata config, ZkNodes zk, ZkPaths paths,
			TaskTypes types, OverlordProperties properties, MeterRegistry meters) {
		Overlord overlord = new Overlord(tasks, lockbox, config, zk, paths, types, properties);
		Gauge.builder("strata.overlord.leader", overlord, o -> o.isLeader() ? 1 : 0).register(meters);
		return overlord;
	}

	@Bean
	TaskActions taskActions(Overlord overlord, SegmentsMetadata segments, DataSourceMetadataStore dataSources,
			PendingSegmentsMetadata pending,
			OverlordProperties properties) {
		return new TaskActions(overlord, segments, dataSources, pending, properties);
	}

	@Bean(destroyMethod = "close")
	WorkerClient workerClient() {
		return new WorkerClient();
	}

	@Bean
	WebMvcConfigurer overlordLeaderRedirect(Overlord overlord, LocalNode node) {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new LeaderRedirectInterceptor(overlord::isLeader, overlord::leader,
						node::hostAndPort))
					.addPathPatterns("/druid/indexer/**");
			}
		};
	}

	@Bean
	OverlordStarter overlordStarter(Overlord overlord) {
		return new OverlordStarter(overlord);
	}

	/** Starts the overlord once this node's host:port is known. */
	static final class OverlordStarter {

		private final Overlord overlord;

		OverlordStarter(Overlord overlord) {
			this.overlord = overlord;
		}

		@EventListener
		void nodeStarted(LocalNode.Started started) {
			this.overlord.start(started.hostAndPort());
		}

	}

}
