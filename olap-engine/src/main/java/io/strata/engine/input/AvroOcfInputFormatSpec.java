package io.strata.engine.input;

/**
 * {@code {"type":"avro_ocf"}}: Avro object container files, each carrying its writer schema.
 * Root-level fields become input fields (Druid's default flattening); nested records stay maps.
 * @param binaryAsString whether {@code bytes} and {@code fixed} values are read as UTF-8 strings
 */
public record AvroOcfInputFormatSpec(boolean binaryAsString) implements InputFormatSpec {

	@Override
	public String typeName() {
		return "avro_ocf";
	}

}
