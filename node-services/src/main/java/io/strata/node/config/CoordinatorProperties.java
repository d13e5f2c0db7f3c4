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
 * @param compactionPeriod how often auto-compaction looks for intervals to compact and submits
 * compact tasks (at most once per {@code period}); shorter compacts sooner after data settles, at
 * the cost of a few overlord API calls each time
 */
@ConfigurationProperties("strata.coordinator")
public record CoordinatorProperties(@DefaultValue("5s") Duration period, @DefaultValue("5") int maxSegmentsToMove,
		@DefaultValue("500") int replicationThrottleLimit, @DefaultValue("60s") Duration compactionPeriod) {

}
