package io.strata.gateway.archive;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param topic the usage topic archived
 * @param flushInterval longest time a read record waits before it is written (and its offset committed)
 * @param maxRecords records buffered (over all partitions) that force a flush sooner
 * @param retryBackoff wait after a failed flush or lost connection before reading again
 * @param workDirectory local scratch space for files on their way to deep storage
 */
public record ArchiverSettings(String topic, ArchiveLayout layout, Duration flushInterval, int maxRecords,
		Duration retryBackoff, Path workDirectory) {

	public ArchiverSettings(String topic, String prefix, Duration flushInterval, int maxRecords, Duration retryBackoff,
			Path workDirectory) {
		this(topic, new ArchiveLayout(prefix), flushInterval, maxRecords, retryBackoff, workDirectory);
	}

	public ArchiverSettings {
		if (maxRecords < 1) {
			throw new IllegalArgumentException("maxRecords must be at least 1, was " + maxRecords);
		}
	}

}
