package io.strata.engine.input;

/**
 * Turns one stream message (a Kafka record's value) into an input row: the {@code inputFormat}
 * of a streaming ingestion. Implementations are used by one consuming thread.
 */
public interface StreamRowParser {

	/** @throws IllegalArgumentException with the reason when the message cannot be read as a row */
	InputRow parse(byte[] message);

}
