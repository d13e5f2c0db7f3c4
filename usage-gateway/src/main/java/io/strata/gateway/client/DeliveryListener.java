package io.strata.gateway.client;

import java.util.List;
import java.util.Objects;

/**
 * Hears about the records a {@link UsageClient} gave up on, so that the embedding service can keep
 * them somewhere (a log, a dead-letter file) instead of losing them without a word. Called on a
 * sender thread: keep it short and never wait on the client (not {@code flush().join()}) from it.
 * An exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface DeliveryListener {

	/** The gateway refused these records for good (400, 401, 403, 413 for one record...): not retried. */
	void refused(Refusal refusal);

	/** These records could not be delivered: every retry failed, or the client closed first. */
	default void failed(Failure failure) {
	}

	/**
	 * Records the gateway refused.
	 * @param events the refused records: of a 400, only those the problem names when it names any
	 * @param status the HTTP status of the answer
	 * @param problem the answer's body (an RFC 9457 problem+json document from the gateway)
	 */
	record Refusal(List<UsageRecord> events, int status, String problem) {

		public Refusal {
			events = List.copyOf(events);
			Objects.requireNonNull(problem, "problem");
		}

	}

	/**
	 * Records that were not delivered. Some may have reached Kafka all the same (an answer lost on
	 * the way back); their event ids let downstream consumers drop a copy resent later.
	 * @param events the records
	 * @param attempts how many requests were made for them
	 * @param reason the last error
	 */
	record Failure(List<UsageRecord> events, int attempts, String reason) {

		public Failure {
			events = List.copyOf(events);
			Objects.requireNonNull(reason, "reason");
		}

	}

}
