package io.strata.node.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code strata.router.*}: how the router picks a broker (Druid's {@code priority} strategy).
 * @param lowPriorityBrokerService brokers announced under this service name take queries whose
 * context priority is below {@code minPriority}; empty sends every query to any broker
 */
@ConfigurationProperties("strata.router")
public record RouterProperties(@DefaultValue("druid/broker") String defaultBrokerService,
		@DefaultValue("") String lowPriorityBrokerService, @DefaultValue("0") int minPriority) {

}
