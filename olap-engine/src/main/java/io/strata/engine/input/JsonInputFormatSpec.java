package io.strata.engine.input;

/** {@code {"type":"json"}}: one JSON object per line. */
public record JsonInputFormatSpec() implements InputFormatSpec {

	@Override
	public String typeName() {
		return "json";
	}

}
