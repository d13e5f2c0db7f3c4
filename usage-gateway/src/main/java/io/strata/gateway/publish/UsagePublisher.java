package io.strata.gateway.publish;

import java.util.List;

import io.strata.gateway.http.UsageEventInput;

/** Produces accepted events. Implementations are thread-safe. */
public interface UsagePublisher {

	/**
	 * Produces every event, marked as coming from {@code source}, and returns once all are acknowledged.
	 * @throws PublishUnavailableException when they were not all acknowledged in the bounded wait:
	 * the caller must not report them accepted (some may have been written; event ids make the
	 * retry idempotent downstream)
	 */
	void publish(List<UsageEventInput> events, EventSource source);

}
