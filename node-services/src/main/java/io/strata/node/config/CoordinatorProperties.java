package io.strata.node.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code strata.coordinator.*}.
 * @param period how often the leader runs its duties (poll, overshadow, rules, balance); shorter
 * makes new segments available sooner at the cost of more metadata reads
 * @param maxSegmentsToMove balancing moves per run; more balances faster and loads more
 * @param replicationThrottleLimit new replicas (beyond the first copy) started per run and tier,
 * so that a lost server does not flood the others with downloads
 */
@ConfigurationProperties("strata.coordinator")
public record CoordinatorProperties(@DefaultValue("5s") Duration period, @DefaultValue("5") int maxSegmentsToMove,
		@DefaultValue("500") int replicationThrottleLimit) {

}
