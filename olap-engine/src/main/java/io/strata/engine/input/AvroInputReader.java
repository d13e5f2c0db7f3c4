package io.strata.engine.input;

import org.apache.avro.generic.GenericRecord;

import java.util.Map;

/** Turns Avro records into input rows, handing each to a {@link RowSink}. Stateless. */
public final class AvroInputReader {

	private final AvroRecordConverter converter;

	private final InputRowFactory rowFactory;

	public AvroInputReader(InputRowFactory rowFactory) {
		this(rowFactory, false);
	}

	/** @param binaryAsString whether bytes and fixed values are read as UTF-8 strings */
	public AvroInputReader(InputRowFactory rowFactory, boolean binaryAsString) {
		this.rowFactory = rowFactory;
		this.converter = new AvroRecordConverter(binaryAsString);
	}

	/** @param position where the record came from (a file index, a Kafka offset), kept with a rejection */
	public void read(GenericRecord record, long position, RowSink sink) {
		try {
			Map<String, Object> fields = this.converter.convert(record);
			sink.accept(this.rowFactory.toRow(fields), position);
		}
		catch (IllegalArgumentException ex) {
			sink.reject(new RowRejection(position, ex.getMessage(), String.valueOf(record)));
		}
	}

}
