package io.strata.engine.input;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

import java.io.IOException;

/**
 * Druid's {@code schema_inline} decoder: every message is the plain Avro binary encoding of a
 * record of one known schema, without a header. The decoder and the record are reused from
 * message to message (the converter copies the values out), so it is not thread-safe.
 */
public final class InlineSchemaAvroBytesDecoder implements AvroBytesDecoder {

	private final GenericDatumReader<GenericRecord> reader;

	private BinaryDecoder decoder;

	private GenericRecord reuse;

	public InlineSchemaAvroBytesDecoder(Schema schema) {
		this.reader = new GenericDatumReader<>(schema);
	}

	@Override
	public GenericRecord decode(byte[] message) {
		this.decoder = DecoderFactory.get().binaryDecoder(message, this.decoder);
		try {
			GenericRecord record = this.reader.read(this.reuse, this.decoder);
			if (!this.decoder.isEnd()) {
				throw new IllegalArgumentException(
						"Avro message has bytes left after the record (is it of another schema?)");
			}
			this.reuse = record;
			return record;
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Avro message is truncated: " + ex.getMessage(), ex);
		}
	}

}
