package io.strata.avro;

import io.strata.avro.schema.Contract;
import io.strata.avro.schema.LimitEvent;
import io.strata.avro.schema.LimitKind;
import io.strata.avro.schema.LimitScope;
import io.strata.avro.schema.UsageEvent;
import io.strata.avro.schema.UsageSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fully populated events for round-trip tests, every optional field set. */
public final class SampleEvents {

	private SampleEvents() {
	}

	public static UsageEvent usageEvent() {
		return UsageEvent.newBuilder()
			.setEventId("6f1c2c3e-5b7a-4b8e-9d1f-0a1b2c3d4e5f")
			.setTimestamp(Instant.parse("2026-03-01T12:34:56.789Z"))
			.setAccountId("acct-42")
			.setApiName("identity-resolve")
			.setStatusCode(200)
			.setBundles(List.of("email-risk", "phone-carrier"))
			.setSource(UsageSource.API)
			.setRequestId("req-7")
			.setLatencyMs(37)
			.setBytes(2048)
			.setRegion("eu-west-1")
			.setPlan("growth")
			.setEncryptedIdentifiers(ByteBuffer.wrap("ciphertext".getBytes(StandardCharsets.UTF_8)))
			.setKeyId("key-3")
			.build();
	}

	/** A batch row: the optional fields left at their defaults. */
	public static UsageEvent batchUsageEvent() {
		return UsageEvent.newBuilder()
			.setEventId("batch-file-1:17")
			.setTimestamp(Instant.parse("2026-03-02T00:00:00Z"))
			.setAccountId("acct-7")
			.setApiName("batch-enrich")
			.setStatusCode(200)
			.setSource(UsageSource.BATCH)
			.build();
	}

	public static Contract contract() {
		Map<String, Long> bundleLimits = new LinkedHashMap<>();
		bundleLimits.put("email-risk", 100_000L);
		bundleLimits.put("phone-carrier", 50_000L);
		return Contract.newBuilder()
			.setAccountId("acct-42")
			.setPlan("growth")
			.setPeriodStart(Instant.parse("2026-03-01T00:00:00Z"))
			.setPeriodLength("P1M")
			.setBundleLimits(bundleLimits)
			.setApiLimits(Map.of("identity-resolve", 200_000L))
			.setTotalLimit(250_000L)
			.setWarningThresholds(List.of(0.8, 0.9))
			.build();
	}

	public static LimitEvent limitEvent() {
		return LimitEvent.newBuilder()
			.setAccountId("acct-42")
			.setKind(LimitKind.WARNING)
			.setScope(LimitScope.BUNDLE)
			.setScopeName("email-risk")
			.setLimit(100_000L)
			.setUsage(80_001L)
			.setThreshold(0.8)
			.setPeriodStart(Instant.parse("2026-03-01T00:00:00Z"))
			.setPeriodEnd(Instant.parse("2026-04-01T00:00:00Z"))
			.setAt(Instant.parse("2026-03-20T08:00:00Z"))
			.build();
	}

}
