package io.strata.avro.wire;

import io.strata.avro.testing.InProcessRegistryTest;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** A producer adds an optional field; consumers on either schema keep reading both. */
class SchemaEvolutionTest extends InProcessRegistryTest {

	private static final Schema V1 = new Schema.Parser().parse("""
			{"type": "record", "name": "Call", "namespace": "io.strata.test", "fields": [
			  {"name": "accountId", "type": "string"},
			  {"name": "statusCode", "type": "int"}
			]}""");

	private static final Schema V2 = new Schema.Parser().parse("""
			{"type": "record", "name": "Call", "namespace": "io.strata.test", "fields": [
			  {"name": "accountId", "type": "string"},
			  {"name": "statusCode", "type": "int"},
			  {"name": "region", "type": ["null", "string"], "default": null},
			  {"name": "plan", "type": "string", "default": "free"}
			]}""");

	@Test
	void aNewOptionalFieldRegistersVersionTwoUnderANewId() {
		byte[] v1Bytes = serialize(v1Record());
		byte[] v2Bytes = serialize(v2Record());

		assertThat(this.client.versions("calls-value")).containsExactly(1, 2);
		int v1Id = this.client.version("calls-value", 1).id();
		int v2Id = this.client.latestVersion("calls-value").id();
		assertThat(v2Id).isGreaterThan(v1Id);
		assertThat(WireFormat.schemaId("calls", v1Bytes)).isEqualTo(v1Id);
		assertThat(WireFormat.schemaId("calls", v2Bytes)).isEqualTo(v2Id);
		assertThat(this.client.latestVersion("calls-value").parsedSchema()).isEqualTo(V2);
	}

	@Test
	void aConsumerOnTheOldSchemaReadsNewRecords() {
		serialize(v1Record());
		byte[] v2Bytes = serialize(v2Record());

		GenericRecord read = ConfluentAvroDeserializer.generic(this.client, V1).deserialize("calls", v2Bytes);

		assertThat(read.getSchema()).isEqualTo(V1);
		assertThat(read.get("accountId")).hasToString("acct-42");
		assertThat(read.get("statusCode")).isEqualTo(429);
		assertThat(read.hasField("region")).isFalse();
	}

	@Test
	void aConsumerOnTheNewSchemaReadsOldRecordsWithTheDefaults() {
		byte[] v1Bytes = serialize(v1Record());
		serialize(v2Record());

		GenericRecord read = ConfluentAvroDeserializer.generic(this.client, V2).deserialize("calls", v1Bytes);

		assertThat(read.getSchema()).isEqualTo(V2);
		assertThat(read.get("accountId")).hasToString("acct-42");
		assertThat(read.get("region")).isNull();
		assertThat(read.get("plan")).hasToString("free");
	}

	private byte[] serialize(GenericRecord record) {
		return new ConfluentAvroSerializer<GenericRecord>(this.client).serialize("calls", record);
	}

	private static GenericRecord v1Record() {
		GenericRecord record = new GenericData.Record(V1);
		record.put("accountId", "acct-42");
		record.put("statusCode", 429);
		return record;
	}

	private static GenericRecord v2Record() {
		GenericRecord record = new GenericData.Record(V2);
		record.put("accountId", "acct-42");
		record.put("statusCode", 429);
		record.put("region", "eu-west-1");
		record.put("plan", "growth");
		return record;
	}

}
