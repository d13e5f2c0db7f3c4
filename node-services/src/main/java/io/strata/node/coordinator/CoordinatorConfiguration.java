package io.strata.node.coordinator;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.strata.node.config.ConditionalOnRole;
import io.strata.node.config.CoordinatorProperties;
import io.strata.node.config.Role;
import io.strata.node.metadata.ConfigMetadata;
import io.strata.node.metadata.RulesMetadata;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.LocalNode;
import io.strata.node.zk.ClusterView;
import io.strata.node.zk.LeaderRedirectInterceptor;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The coordinator role's parts; it joins the election once the node is announced. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.COORDINATOR)
class CoordinatorConfiguration {

	@Bean(destroyMethod = "close")
	Coordinator coordinator(SegmentsMetadata segments, RulesMetadata rules, ConfigMetadata config, ClusterView cluster,
			ZkNodes zk, ZkPaths paths, CoordinatorProperties properties, MeterRegistry meters) {
		Coordinator coordinator = new Coordinator(segments, rules, config, cluster, zk, paths, properties);
		Gauge.builder("strata.coordinator.segments.unavailable", coordinator, c -> c.stats().rules().unavailable())
			.description("Used segments with a load rule that no server serves")
			.register(meters);
		Gauge.builder("strata.coordinator.segments.under.replicated", coordinator,
				c -> c.stats().rules().underReplicatedCount())
			.description("Segments with fewer served copies than their rule wants, summed over tiers")
			.register(meters);
		Gauge.builder("strata.coordinator.segments.used", coordinator,
				c -> c.stats().usedSegments().values().stream().mapToInt(Integer::intValue).sum())
			.register(meters);
		Gauge.builder("strata.coordinator.leader", coordinator, c -> c.isLeader() ? 1 : 0).register(meters);
		return coordinator;
	}

	@Bean
	org.springframework.web.servlet.config.annotation.WebMvcConfigurer coordinatorLeaderRedirect(Coordinator coordinator,
			LocalNode node) {
		return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
			@Override
			public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
				registry
					.addInterceptor(new LeaderRedirectInterceptor(coordinator::isLeader, coordinator::leader,
							node::hostAndPort))
					.addPathPatterns("/druid/coordinator/**");
			}
		};
	}

	@Bean
	CoordinatorStarter coordinatorStarter(Coordinator coordinator) {
		return new CoordinatorStarter(coordinator);
	}

	/** Starts the coordinator once this node's host:port is known. */
	static final class CoordinatorStarter {

		private final Coordinator coordinator;

		CoordinatorStarter(Coordinator coordinator) {
			this.coordinator = coordinator;
		}

		@EventListener
		void nodeStarted(LocalNode.Started started) {
			this.coordinator.start(started.hostAndPort());
		}

	}

}
