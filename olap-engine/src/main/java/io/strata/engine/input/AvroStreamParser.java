package io.strata.engine.input;

import org.apache.avro.generic.GenericRecord;

/**
 * Druid's {@code avro_stream} input format: decodes a message with an {@link AvroBytesDecoder},
 * converts the record with {@link AvroRecordConverter} and applies the timestamp spec. Not
 * thread-safe when its decoder is not.
 */
public final class AvroStreamParser implements StreamRowParser {

	private final AvroBytesDecoder decoder;

	private final AvroRecordConverter converter;

	private final InputRowFactory rowFactory;

	public AvroStreamParser(AvroBytesDecoder decoder, InputRowFactory rowFactory, boolean binaryAsString) {
		this.decoder = decoder;
		this.rowFactory = rowFactory;
		this.converter = new AvroRecordConverter(binaryAsString);
	}

	@Override
	public InputRow parse(byte[] message) {
		GenericRecord record;
		try {
			record = this.decoder.decode(message);
		}
		catch (RuntimeException ex) {
			// a plugged-in decoder may fail with anything (Avro's own exceptions, a registry
			// lookup error): every failure of one message is that message's rejection
			throw new IllegalArgumentException("unparseable Avro message: " + ex.getMessage(), ex);
		}
		return this.rowFactory.toRow(this.converter.convert(record));
	}

}
