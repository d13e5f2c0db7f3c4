package io.strata.node.broker;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.strata.node.broker.cache.ResultCache;
import io.strata.node.broker.lane.LaneSpec;
import io.strata.node.broker.lane.QueryScheduler;
import io.strata.node.config.BrokerProperties;
import io.strata.node.config.ConditionalOnRole;
import io.strata.node.config.Role;
import io.strata.node.zk.ClusterView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The broker role's parts. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.BROKER)
class BrokerConfiguration {

	@Bean
	BrokerServerView brokerServerView(ClusterView cluster) {
		return new BrokerServerView(cluster);
	}

	@Bean(destroyMethod = "close")
	DataServerClient dataServerClient() {
		return new DataServerClient();
	}

	@Bean
	QueryScheduler queryScheduler(BrokerProperties properties) {
		LaneSpec spec = switch (properties.laning()) {
			case "none" -> LaneSpec.none(properties.numThreads());
			case "hilo" -> LaneSpec.hilo(properties.numThreads(), properties.maxLowPercent());
			case "manual" -> LaneSpec.manual(properties.numThreads(), properties.lanes(), properties.limitPercent());
			default -> throw io.strata.engine.error.StrataException
				.invalidSpec("strata.broker.laning[%s] is none of none, hilo, manual", properties.laning());
		};
		return new QueryScheduler(spec);
	}

	@Bean
	BrokerQueries brokerQueries(BrokerServerView view, DataServerClient client, QueryScheduler scheduler,
			BrokerProperties properties, MeterRegistry meters) {
		ResultCache cache = properties.cacheSize().toBytes() > 0 ? new ResultCache(properties.cacheSize().toBytes())
				: null;
		if (cache != null) {
			Gauge.builder("strata.broker.cache.hits", cache, c -> c.stats().hits()).register(meters);
			Gauge.builder("strata.broker.cache.misses", cache, c -> c.stats().misses()).register(meters);
			Gauge.builder("strata.broker.cache.hit.rate", cache, c -> {
				double total = c.stats().hits() + c.stats().misses();
				return total == 0 ? 0 : c.stats().hits() / total;
			}).register(meters);
			Gauge.builder("strata.broker.cache.bytes", cache, c -> c.stats().bytes()).register(meters);
		}
		return new BrokerQueries(view, client, cache, scheduler, properties, meters);
	}

}
