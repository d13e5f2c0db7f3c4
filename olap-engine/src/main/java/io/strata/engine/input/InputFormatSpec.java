package io.strata.engine.input;

/**
 * Druid's {@code inputFormat}: how bytes become input records. Text formats are read line by
 * line from a stream; Avro container files block by block from a stream; Parquet needs random
 * access to a local file (its footer comes last).
 */
public sealed interface InputFormatSpec permits TextInputFormatSpec, AvroOcfInputFormatSpec, ParquetInputFormatSpec {

	/** Druid's {@code type} string. */
	String typeName();

}
