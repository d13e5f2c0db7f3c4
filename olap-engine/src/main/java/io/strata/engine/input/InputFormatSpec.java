package io.strata.engine.input;

/** Druid's {@code inputFormat}: how bytes become input records. */
public sealed interface InputFormatSpec permits JsonInputFormatSpec, CsvInputFormatSpec {

	/** Druid's {@code type} string. */
	String typeName();

}
