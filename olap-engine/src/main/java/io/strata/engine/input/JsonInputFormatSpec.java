package io.strata.engine.input;

/** {@code {"type":"json"}}: one JSON object per line. */
public record JsonInputFormatSpec() implements TextInputFormatSpec {

	@Override
	public String typeName() {
		return "json";
	}

}
