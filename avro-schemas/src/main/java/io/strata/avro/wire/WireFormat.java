package io.strata.avro.wire;

import java.io.ByteArrayOutputStream;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The 5-byte header of the Confluent wire format.
 *
 * <pre>
 * byte 0      magic byte, always 0
 * bytes 1-4   id of the writer schema in the schema registry, big-endian int
 * bytes 5-    the record in Avro binary encoding
 * </pre>
 */
public final class WireFormat {

	public static final byte MAGIC_BYTE = 0;

	/** Magic byte plus schema id. */
	public static final int HEADER_LENGTH = 5;

	private WireFormat() {
	}

	/** Writes the magic byte and {@code schemaId}. */
	public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
		out.write(MAGIC_BYTE);
		out.write(schemaId >>> 24);
		out.write(schemaId >>> 16);
		out.write(schemaId >>> 8);
		out.write(schemaId);
	}

	/**
	 * The writer schema id of a Kafka record value or key in the Confluent wire format.
	 * @throws SerializationException naming {@code topic} and the reason when the record is shorter
	 * than the header or does not start with the magic byte
	 */
	public static int schemaId(String topic, byte[] record) {
		if (record.length < HEADER_LENGTH) {
			throw new SerializationException("Record for topic[" + topic + "] is too short for the Confluent wire format: ["
					+ record.length + "] bytes, the magic byte and schema id alone take " + HEADER_LENGTH);
		}
		if (record[0] != MAGIC_BYTE) {
			throw new SerializationException("Record for topic[" + topic + "] has unknown magic byte[" + record[0]
					+ "]: the Confluent wire format starts with " + MAGIC_BYTE);
		}
		return ((record[1] & 0xff) << 24) | ((record[2] & 0xff) << 16) | ((record[3] & 0xff) << 8) | (record[4] & 0xff);
	}

}
