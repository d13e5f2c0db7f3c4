package io.strata.gateway.traffic;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

import io.strata.gateway.client.UsageRecord;
import io.strata.sample.UsageCatalog;
import io.strata.sample.UsageDataConfig;
import io.strata.sample.UsageEvent;
import io.strata.sample.UsageEventGenerator;

/**
 * Usage records as an API service would report them now: account (Zipf-skewed), API, status code
 * (200/404/429/500), bundles, latency, response size, region and plan drawn by
 * {@code sample-data}'s generator, stamped with the current time and a fresh random event id (so
 * two runs with the same seed never repeat an id). Not thread-safe: one caller at a time.
 */
public final class SampleUsageRecords {

	private final UsageEventGenerator generator;

	private final InstantSource clock;

	/**
	 * @param seed the generator's seed: equal seeds draw the same sequence of values
	 * @param accounts how many accounts ({@code acct-NNNNN}) the records are spread over
	 * @param apis how many of the catalog's APIs are called, the most popular first
	 */
	public SampleUsageRecords(long seed, int accounts, int apis, InstantSource clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
		// the generator's own timestamps are not used; its interval only has to be valid, and it
		// never runs out of events
		this.generator = new UsageEventGenerator(new UsageDataConfig(seed, Instant.EPOCH, 1, Long.MAX_VALUE, accounts,
				apis, UsageCatalog.BUNDLE_NAMES.size(), 1.1));
	}

	public UsageRecord next() {
		UsageEvent event = this.generator.next();
		return UsageRecord.builder(event.accountId(), event.apiName(), event.statusCode())
			.timestamp(this.clock.instant())
			.bundles(event.bundles())
			.latencyMs(event.latencyMs())
			.bytes(event.bytes())
			.region(event.region())
			.plan(event.plan())
			.build();
	}

}
