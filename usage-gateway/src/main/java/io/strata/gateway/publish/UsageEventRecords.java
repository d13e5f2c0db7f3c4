package io.strata.gateway.publish;

import java.nio.ByteBuffer;
import java.time.Instant;

import io.strata.avro.schema.UsageEvent;
import io.strata.avro.schema.UsageSource;
import io.strata.gateway.crypto.IdentifierCipher;
import io.strata.gateway.http.UsageEventInput;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Turns validated input into the Avro {@code UsageEvent}, sensitive identifiers encrypted. Thread-safe. */
public final class UsageEventRecords {

	private final IdentifierCipher cipher;

	private final ObjectMapper mapper = JsonMapper.builder().build();

	public UsageEventRecords(IdentifierCipher cipher) {
		this.cipher = cipher;
	}

	public UsageEvent toAvro(UsageEventInput input, UsageSource source) {
		UsageEvent.Builder event = UsageEvent.newBuilder()
			.setEventId(input.eventId())
			.setTimestamp(Instant.ofEpochMilli(input.timestampMillis()))
			.setAccountId(input.accountId())
			.setApiName(input.apiName())
			.setStatusCode(input.statusCode())
			.setBundles(input.bundles())
			.setSource(source)
			.setRequestId(input.requestId())
			.setLatencyMs(input.latencyMs())
			.setBytes(input.bytes())
			.setRegion(input.region())
			.setPlan(input.plan());
		if (!input.identifiers().isEmpty()) {
			IdentifierCipher.Sealed sealed = this.cipher.encrypt(input.accountId(),
					this.mapper.writeValueAsBytes(input.identifiers()));
			event.setEncryptedIdentifiers(ByteBuffer.wrap(sealed.bytes())).setKeyId(sealed.keyId());
		}
		else {
			event.setEncryptedIdentifiers(null).setKeyId(null);
		}
		return event.build();
	}

}
