package io.strata.node.overlord.supervisor;

import io.strata.node.config.ConditionalOnRole;
import io.strata.node.config.Role;
import io.strata.node.metadata.DataSourceMetadataStore;
import io.strata.node.metadata.SupervisorsMetadata;
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

}
