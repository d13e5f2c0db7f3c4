package io.strata.node.config;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code strata.broker.*}.
 * @param cacheSize bytes of per-segment results kept (LRU); 0 turns the cache off
 * @param useCache / populateCache the defaults of Druid's context keys of the same names
 * @param numThreads queries running at once; more wait in no queue: they get 429
 * @param laning {@code none}, {@code hilo} or {@code manual} (Druid's laning strategies)
 * @param lanes manual lanes: name to limit (percent of numThreads when limitPercent)
 * @param maxLowPercent hilo: share of numThreads for queries with priority below 0
 * @param timeout a query's default timeout when its context names none
 * @param retries how many times segments of a failed server are tried on another replica
 * @param serviceName announced service name; routers send low-priority queries to brokers with
 * another one
 */
@ConfigurationProperties("strata.broker")
public record BrokerProperties(@DefaultValue("64MB") DataSize cacheSize, @DefaultValue("true") boolean useCache,
		@DefaultValue("true") boolean populateCache, @DefaultValue("32") int numThreads,
		@DefaultValue("none") String laning, Map<String, Integer> lanes, @DefaultValue("true") boolean limitPercent,
		@DefaultValue("50") int maxLowPercent, @DefaultValue("300s") Duration timeout,
		@DefaultValue("2") int retries,
		@DefaultValue("druid/broker") String serviceName) {

	public BrokerProperties {
		lanes = lanes == null ? Map.of() : Map.copyOf(lanes);
	}

}
