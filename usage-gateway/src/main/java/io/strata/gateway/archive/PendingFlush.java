package io.strata.gateway.archive;

import java.util.List;

/**
 * What a flush of one Kafka partition is about to write, stored before the first file so a
 * restarted archiver can tell a finished flush (its offsets committed) from an interrupted one
 * (its files removed and the records read again).
 * @param nextOffset the offset committed once every file is written: last archived + 1
 * @param keys every object the flush writes
 */
record PendingFlush(String topic, int partition, long firstOffset, long nextOffset, List<String> keys) {

	PendingFlush {
		keys = List.copyOf(keys);
	}

}
