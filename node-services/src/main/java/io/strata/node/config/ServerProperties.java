package io.strata.node.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code strata.server.*}: a historical's place in the cluster (Druid's {@code druid.server.*}).
 * @param tier the tier rules assign replicas to ({@code hot}, {@code _default_tier} ...)
 * @param priority brokers prefer replicas on higher-priority servers
 * @param maxSize how many bytes of segments this server holds at most; the coordinator never
 * assigns past it
 * @param cacheDirectory the segment cache; empty means {@code <base-dir>/segment-cache}. Its
 * content is served again after a restart without a download
 * @param loadingThreads segments downloaded at once
 * @param processingThreads threads that scan segments for queries; the number of cores by default
 */
@ConfigurationProperties("strata.server")
public record ServerProperties(@DefaultValue("_default_tier") String tier, @DefaultValue("0") int priority,
		@DefaultValue("10GB") DataSize maxSize, Path cacheDirectory, @DefaultValue("2") int loadingThreads,
		@DefaultValue("0") int processingThreads) {

	public int processingThreadsOrCores() {
		return this.processingThreads > 0 ? this.processingThreads : Runtime.getRuntime().availableProcessors();
	}

}
