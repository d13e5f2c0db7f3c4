package io.strata.gateway.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.strata.gateway.storage.DeepStorage;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

/** Reads an archive back: every event of every events file, with the file it was in. */
public final class ArchiveContents {

	/** One archived event: its id and time, and the key of the file holding it. */
	public record ArchivedEvent(String eventId, Instant timestamp, String accountId, String key) {

	}

	private ArchiveContents() {
	}

	public static List<ArchivedEvent> read(DeepStorage storage, String prefix) throws IOException {
		ArchiveLayout layout = new ArchiveLayout(prefix);
		List<ArchivedEvent> events = new ArrayList<>();
		Path local = Files.createTempFile("archive-read", ".parquet");
		try {
			for (String key : storage.list(layout.prefix() + "/")) {
				if (!layout.isEventsFile(key)) {
					continue;
				}
				storage.download(key, local);
				try (ParquetReader<GenericRecord> reader = AvroParquetReader
					.<GenericRecord>builder(new LocalInputFile(local), new PlainParquetConfiguration())
					.build()) {
					for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
						events.add(new ArchivedEvent(record.get("eventId").toString(),
								timestamp(record.get("timestamp")), record.get("accountId").toString(), key));
					}
				}
			}
		}
		finally {
			Files.deleteIfExists(local);
		}
		return events;
	}

	/** The archive's file keys (events, rejected, pending) under the prefix. */
	public static List<String> keys(DeepStorage storage, String prefix) throws IOException {
		return storage.list(new ArchiveLayout(prefix).prefix() + "/");
	}

	private static Instant timestamp(Object value) {
		return value instanceof Instant instant ? instant : Instant.ofEpochMilli((Long) value);
	}

}
