package io.strata.engine.input;

/**
 * {@code {"type":"parquet"}}: Apache Parquet files, read through their Avro view. Root-level
 * fields become input fields (Druid's default flattening); nested groups stay maps.
 * @param binaryAsString whether binary columns without a string annotation are read as UTF-8
 * strings (Druid's flag of that name)
 */
public record ParquetInputFormatSpec(boolean binaryAsString) implements InputFormatSpec {

	@Override
	public String typeName() {
		return "parquet";
	}

}
