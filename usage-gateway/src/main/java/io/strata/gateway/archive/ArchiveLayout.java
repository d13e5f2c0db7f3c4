package io.strata.gateway.archive;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import io.strata.gateway.storage.DeepStorage;

/**
 * Where archive objects go under the prefix (default {@code archive/usage}):
 * {@code dt=YYYY-MM-DD/hour=HH/<topic>-<partition>-<firstOffset>-<lastOffset>.parquet} by the
 * events' UTC hour (Hive-style partitions, so query engines prune by date and hour), one pending
 * marker per Kafka partition under {@code _pending/}, and records that could not be read under
 * {@code _rejected/}. Offsets in the names make every file's content traceable to the topic.
 */
public record ArchiveLayout(String prefix) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd");

	public ArchiveLayout {
		prefix = io.strata.s3.S3Settings.trimSlashes(prefix);
	}

	/** The hour (UTC, truncated) an event's timestamp falls in. */
	static Instant hourOf(Instant timestamp) {
		return timestamp.truncatedTo(ChronoUnit.HOURS);
	}

	String eventsFile(Instant hour, String topic, int partition, long firstOffset, long lastOffset) {
		ZonedDateTime utc = hour.atZone(ZoneOffset.UTC);
		return "%s/dt=%s/hour=%02d/%s-%d-%d-%d.parquet".formatted(this.prefix, DAY.format(utc), utc.getHour(), topic,
				partition, firstOffset, lastOffset);
	}

	String rejectedFile(String topic, int partition, long firstOffset, long lastOffset) {
		return "%s/_rejected/%s-%d-%d-%d.ndjson".formatted(this.prefix, topic, partition, firstOffset, lastOffset);
	}

	String pendingMarker(String topic, int partition) {
		return "%s/_pending/%s-%d.json".formatted(this.prefix, topic, partition);
	}

	/** The prefix under which every hourly events file lies, for listing. */
	String eventsPrefix() {
		return this.prefix + "/dt=";
	}

	/** Whether a key from {@link DeepStorage#list} is an events file. */
	boolean isEventsFile(String key) {
		return key.startsWith(eventsPrefix()) && key.endsWith(".parquet");
	}

}
