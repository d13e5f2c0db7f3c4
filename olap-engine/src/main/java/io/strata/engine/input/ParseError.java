package io.strata.engine.input;

import java.util.Objects;

/**
 * A row of a batch input that could not be ingested, with where it came from.
 * @param source the input entity's name (a file path, a URI, {@code inline})
 * @param unit what {@code rejection.position()} counts: {@code line} for text, {@code record}
 * for Avro and Parquet files
 */
public record ParseError(String source, String unit, RowRejection rejection) {

	public ParseError {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(unit, "unit");
		Objects.requireNonNull(rejection, "rejection");
	}

	/** {@code input[data.json] line[3]: malformed JSON: ...}, as task reports show it. */
	public String describe() {
		return "input[" + this.source + "] " + this.unit + "[" + this.rejection.position() + "]: "
				+ this.rejection.reason();
	}

}
