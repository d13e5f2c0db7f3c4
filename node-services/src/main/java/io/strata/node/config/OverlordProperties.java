package io.strata.node.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code strata.overlord.*}.
 * @param period how often the leader looks for pending tasks, free workers and finished tasks
 * besides reacting to ZooKeeper events; shorter starts tasks sooner after a missed event at the
 * cost of a few metadata reads
 * @param recentlyFinishedThreshold how far back (by creation time) {@code complete} task lists
 * reach when no {@code max} is given, as Druid's {@code druid.indexer.storage.recentlyFinishedThreshold}
 * @param lockTimeout how long a {@code lockAcquire} action without {@code timeoutMs} waits for a
 * conflicting lock to go
 * @param supervisorPeriod how often the leader runs each supervisor: starts, replaces and rolls
 * over its tasks and reads the lag (Druid's {@code druid.supervisor.period}, 30 s there; shorter
 * here because a pass is cheap and a failed task is replaced sooner)
 */
@ConfigurationProperties("strata.overlord")
public record OverlordProperties(@DefaultValue("1s") Duration period,
		@DefaultValue("1d") Duration recentlyFinishedThreshold, @DefaultValue("5m") Duration lockTimeout,
		@DefaultValue("5s") Duration supervisorPeriod) {

}
