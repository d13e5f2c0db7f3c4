package io.strata.engine.input;

import java.util.Objects;

/**
 * An input row kept aside because it could not be ingested.
 * @param position where it came from: line number of a text file, offset of a Kafka record
 * @param reason why, naming the field at fault but not its value
 * @param input the raw row (cut to {@link #MAX_INPUT_CHARS}) so an operator can look at it
 */
public record RowRejection(long position, String reason, String input) {

	public static final int MAX_INPUT_CHARS = 4096;

	public RowRejection {
		Objects.requireNonNull(reason, "reason");
		input = input == null ? "" : input.length() > MAX_INPUT_CHARS ? input.substring(0, MAX_INPUT_CHARS) : input;
	}

}
