package io.strata.gateway.client;

import java.util.List;

/**
 * Records taken from the {@link EventBuffer} together, with the sequence number of the first: the
 * others follow it without gaps.
 */
record Batch(long firstSequence, List<UsageRecord> events) {

	Batch {
		events = List.copyOf(events);
		if (events.isEmpty()) {
			throw new IllegalArgumentException("batch[" + firstSequence + "] holds no record");
		}
	}

}
