package io.strata.benchmarks.streaming;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;

import io.strata.avro.schema.UsageEvent;
import io.strata.avro.schema.UsageSource;
import io.strata.sample.UsageDataConfig;
import io.strata.sample.UsageEventGenerator;

/**
 * Usage events as the gateway writes them to the usage topic, made on demand with a timestamp the
 * caller picks: sample-data's generator gives the values (10,000 accounts with a Zipf skew, the API,
 * status and bundle mix, long-tailed latency), each event gets a request id of its own, and a
 * successful call carries encrypted identifier bytes of the length the gateway's AES-GCM sealing of
 * its email would have (nonce + JSON + tag; random bytes, since the indexer never decrypts them).
 * The probe account is kept apart from the generated ones. Not thread-safe: one per producing thread.
 */
final class UsageEventSource {

	static final String PROBE_ACCOUNT = "probe-account";

	/** AES-GCM's nonce and tag around the identifiers JSON, as the gateway seals them. */
	private static final int SEALING_OVERHEAD = 12 + 16;

	private final UsageEventGenerator generator;

	private final SplittableRandom random;

	private final String prefix;

	private long sequence;

	/** @param seed picks the generated values; {@code prefix} makes request ids unique across sources */
	UsageEventSource(long seed, String prefix) {
		// as many events as any run sends: the generator only uses the count to space timestamps
		this.generator = new UsageEventGenerator(UsageDataConfig.defaults(1_000_000_000_000L).withSeed(seed));
		this.random = new SplittableRandom(seed);
		this.prefix = prefix;
	}

	UsageEvent next(long timestampMillis) {
		io.strata.sample.UsageEvent sample = this.generator.next();
		ByteBuffer identifiers = null;
		String keyId = null;
		if (sample.statusCode() == 200) {
			String json = "{\"email\":\"" + sample.userId() + "@" + sample.accountId() + ".example\"}";
			byte[] sealed = new byte[SEALING_OVERHEAD + json.getBytes(StandardCharsets.UTF_8).length];
			this.random.nextBytes(sealed);
			identifiers = ByteBuffer.wrap(sealed);
			keyId = sample.accountId() + "/1";
		}
		return new UsageEvent(sample.eventId(), Instant.ofEpochMilli(timestampMillis), sample.accountId(),
				sample.apiName(), sample.statusCode(), sample.bundles(),
				sample.source().equals("batch") ? UsageSource.BATCH : UsageSource.API, requestId(),
				sample.latencyMs(), sample.bytes(), sample.region(), sample.plan(), identifiers, keyId);
	}

	/** An event of the probe account, otherwise like the generated ones. */
	UsageEvent probe(long timestampMillis) {
		UsageEvent event = next(timestampMillis);
		event.setAccountId(PROBE_ACCOUNT);
		if (event.getKeyId() != null) {
			event.setKeyId(PROBE_ACCOUNT + "/1");
		}
		return event;
	}

	private String requestId() {
		return this.prefix + Long.toString(this.sequence++, 36);
	}

}
