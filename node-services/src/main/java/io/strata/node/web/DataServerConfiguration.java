package io.strata.node.web;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.strata.node.config.ConditionalOnRole;
import io.strata.node.config.Role;
import io.strata.node.config.ServerProperties;
import io.strata.node.query.DataServerQueries;
import io.strata.node.query.LocalSegments;
import io.strata.node.query.PriorityExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The data-server side of {@code /druid/v2} for every role that serves segments (historicals and
 * the workers whose streaming tasks serve live ones): one processing pool and one answerer over
 * all of this process's {@link LocalSegments}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole({ Role.HISTORICAL, Role.MIDDLE_MANAGER, Role.INDEXER })
class DataServerConfiguration {

	@Bean(destroyMethod = "shutdownNow")
	PriorityExecutor dataServerProcessing(ServerProperties server) {
		return new PriorityExecutor(server.processingThreadsOrCores(), "processing-");
	}

	@Bean
	DataServerQueries dataServerQueries(List<LocalSegments> sources, PriorityExecutor dataServerProcessing,
			MeterRegistry meters) {
		return new DataServerQueries(sources, dataServerProcessing, meters);
	}

}
