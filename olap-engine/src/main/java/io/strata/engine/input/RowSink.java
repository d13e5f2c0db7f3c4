package io.strata.engine.input;

/**
 * Receives the outcome of parsing each input row, in input order. Called on the reading thread;
 * implementations need not be thread-safe.
 */
public interface RowSink {

	void accept(InputRow row);

	void reject(RowRejection rejection);

}
