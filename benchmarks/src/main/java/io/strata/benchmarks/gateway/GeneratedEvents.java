package io.strata.benchmarks.gateway;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.strata.gateway.client.UsageRecord;
import io.strata.sample.UsageDataConfig;
import io.strata.sample.UsageEvent;
import io.strata.sample.UsageEventGenerator;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Realistic events for the benchmark, built before the clock starts: sample-data's generator for
 * the values (Zipf accounts, API and bundle mix, long-tailed latency), timestamps rewritten to the
 * last minutes so that the gateway's age check passes, and an {@code email} identifier on every
 * successful call (what seed 001's lookups resolve), so that the gateway's AES-GCM work is paid as
 * in production. Held both as request bodies (JSON arrays of {@code batchSize}) and as client
 * records.
 */
record GeneratedEvents(List<byte[]> bodies, List<UsageRecord> records) {

	GeneratedEvents {
		bodies = List.copyOf(bodies);
		records = List.copyOf(records);
	}

	static GeneratedEvents generate(int batches, int batchSize, long nowMillis) {
		int total = Math.multiplyExact(batches, batchSize);
		UsageEventGenerator generator = new UsageEventGenerator(UsageDataConfig.defaults(total));
		List<UsageRecord> records = new ArrayList<>(total);
		for (int i = 0; i < total; i++) {
			records.add(record(generator.next(), nowMillis - (total - i)));
		}
		JsonMapper mapper = JsonMapper.builder().build();
		List<byte[]> bodies = new ArrayList<>(batches);
		for (int b = 0; b < batches; b++) {
			bodies.add(body(mapper, records.subList(b * batchSize, (b + 1) * batchSize)));
		}
		return new GeneratedEvents(bodies, records);
	}

	/** The size of all the bodies together. */
	long bodyBytes() {
		long bytes = 0;
		for (byte[] body : this.bodies) {
			bytes += body.length;
		}
		return bytes;
	}

	private static UsageRecord record(UsageEvent event, long timestampMillis) {
		UsageRecord.Builder record = UsageRecord.builder(event.accountId(), event.apiName(), event.statusCode())
			.eventId(event.eventId())
			.timestamp(Instant.ofEpochMilli(timestampMillis))
			.bundles(event.bundles())
			.requestId("req-" + event.eventId().substring(0, 18))
			.latencyMs(event.latencyMs())
			.bytes(event.bytes())
			.region(event.region())
			.plan(event.plan());
		if (event.statusCode() == 200) {
			record.identifier("email", event.userId() + "@" + event.accountId() + ".example");
		}
		return record.build();
	}

	private static byte[] body(JsonMapper mapper, List<UsageRecord> batch) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 400);
		try (JsonGenerator json = mapper.createGenerator(out)) {
			json.writeStartArray();
			for (UsageRecord event : batch) {
				json.writeStartObject();
				json.writeStringProperty("eventId", event.eventId());
				json.writeNumberProperty("timestamp", event.timestamp().toEpochMilli());
				json.writeStringProperty("accountId", event.accountId());
				json.writeStringProperty("apiName", event.apiName());
				json.writeNumberProperty("statusCode", event.statusCode());
				json.writeArrayPropertyStart("bundles");
				for (String bundle : event.bundles()) {
					json.writeString(bundle);
				}
				json.writeEndArray();
				json.writeStringProperty("requestId", event.requestId());
				json.writeNumberProperty("latencyMs", event.latencyMs());
				json.writeNumberProperty("bytes", event.bytes());
				json.writeStringProperty("region", event.region());
				json.writeStringProperty("plan", event.plan());
				if (!event.identifiers().isEmpty()) {
					json.writeObjectPropertyStart("identifiers");
					for (Map.Entry<String, String> identifier : event.identifiers().entrySet()) {
						json.writeStringProperty(identifier.getKey(), identifier.getValue());
					}
					json.writeEndObject();
				}
				json.writeEndObject();
			}
			json.writeEndArray();
		}
		return out.toByteArray();
	}

}
