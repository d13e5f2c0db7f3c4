package io.strata.node.overlord.supervisor;

import io.micrometer.core.instrument.MeterRegistry;
import io.strata.node.config.ConditionalOnRole;
import io.strata.node.config.OverlordProperties;
import io.strata.node.config.Role;
import io.strata.node.metadata.DataSourceMetadataStore;
import io.strata.node.metadata.PendingSegmentsMetadata;
import io.strata.node.metadata.SupervisorsMetadata;
import io.strata.node.overlord.Overlord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The overlord's supervisors. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.OVERLORD)
class SupervisorConfiguration {

	@Bean
	Supervisors supervisors(SupervisorsMetadata store, DataSourceMetadataStore dataSources) {
		return new Supervisors(store, dataSources, System::currentTimeMillis);
	}

	@Bean(destroyMethod = "close")
	SupervisorRunner supervisorRunner(Supervisors supervisors, Overlord overlord, DataSourceMetadataStore dataSources,
			PendingSegmentsMetadata pendingSegments, OverlordProperties properties, MeterRegistry meters) {
		SupervisorRunner runner = new SupervisorRunner(supervisors, overlord, dataSources, pendingSegments, meters);
		runner.start(properties.supervisorPeriod());
		return runner;
	}

}
