package io.strata.engine.input;

/**
 * Receives the outcome of parsing each input row, in input order. Called on the reading thread;
 * implementations need not be thread-safe.
 */
public interface RowSink {

	void accept(InputRow row);

	/**
	 * Accepts a row read from {@code position} (a line number of a text file, the offset of a
	 * Kafka record), so that a sink that rejects it later, such as an index refusing one of its
	 * values, can say where it came from. Readers that know the position call this one.
	 */
	default void accept(InputRow row, long position) {
		accept(row);
	}

	void reject(RowRejection rejection);

}
