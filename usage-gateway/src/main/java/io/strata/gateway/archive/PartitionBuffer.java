package io.strata.gateway.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.strata.avro.schema.UsageEvent;

/** The records of one Kafka partition read since its last flush, events grouped by UTC hour. */
final class PartitionBuffer {

	/** A record that could not be read as a usage event, kept with why. */
	record Rejected(long offset, String reason, byte[] key, byte[] value) {

	}

	private final Map<Instant, List<UsageEvent>> eventsByHour = new TreeMap<>();

	private final List<Rejected> rejected = new ArrayList<>();

	private long firstOffset = -1;

	private long lastOffset = -1;

	private int events;

	void add(long offset, UsageEvent event) {
		this.eventsByHour.computeIfAbsent(ArchiveLayout.hourOf(event.getTimestamp()), hour -> new ArrayList<>()).add(event);
		this.events++;
		track(offset);
	}

	void reject(Rejected record) {
		this.rejected.add(record);
		track(record.offset());
	}

	private void track(long offset) {
		if (this.firstOffset < 0) {
			this.firstOffset = offset;
		}
		this.lastOffset = offset;
	}

	boolean isEmpty() {
		return this.firstOffset < 0;
	}

	long firstOffset() {
		return this.firstOffset;
	}

	long lastOffset() {
		return this.lastOffset;
	}

	int events() {
		return this.events;
	}

	int size() {
		return this.events + this.rejected.size();
	}

	Map<Instant, List<UsageEvent>> eventsByHour() {
		return this.eventsByHour;
	}

	List<Rejected> rejected() {
		return this.rejected;
	}

}
