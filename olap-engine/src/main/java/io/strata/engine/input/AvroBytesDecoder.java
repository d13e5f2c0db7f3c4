package io.strata.engine.input;

import org.apache.avro.generic.GenericRecord;

/**
 * Druid's {@code avroBytesDecoder}: reads one Avro message into a record. The node layer plugs in
 * the Confluent wire-format decoder that looks the writer schema up in the registry; the engine
 * only knows this interface, so it does not depend on the registry client.
 */
public interface AvroBytesDecoder {

	/**
	 * @throws RuntimeException of any kind when the bytes are not a record (truncated, garbage,
	 * unknown schema id); {@link AvroStreamParser} turns it into a row rejection
	 */
	GenericRecord decode(byte[] message);

}
