package io.strata.engine.testing;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.ingest.IndexPersister;
import io.strata.engine.ingest.IndexingPipeline;
import io.strata.engine.ingest.IngestSpecJson;
import io.strata.engine.input.FieldMap;
import io.strata.engine.input.InputRow;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.segment.format.SegmentFormat;
import io.strata.engine.time.Interval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Segments for the query tests, built the way ingestion builds them and opened memory-mapped from
 * their files: an {@link IncrementalIndex} persisted as one segment, or rows fed through an
 * {@link IndexingPipeline} whose published segments are all opened. The caller closes them.
 */
public final class TestSegments {

	private TestSegments() {
	}

	/** A data schema from its Druid JSON. */
	public static DataSchema schema(String json) {
		return new IngestSpecJson().readDataSchema(json);
	}

	/** Partition {@code partition} of {@code dataSource} over an ISO interval, version v1. */
	public static SegmentId id(String dataSource, String interval, int partition) {
		return new SegmentId(dataSource, Interval.parse(interval), "v1", partition);
	}

	/** A row whose fields are given as name, value pairs, in order; see {@link #row(long, Map)}. */
	public static InputRow row(long time, Object... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("names and values must pair up");
		}
		FieldMap fields = new FieldMap(namesAndValues.length / 2);
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.put((String) namesAndValues[i], multiValue(namesAndValues[i + 1]));
		}
		return new InputRow(time, fields);
	}

	/** A row of {@code fields} in their order; a list value is copied, as a multi-value field of its own. */
	public static InputRow row(long time, Map<String, ?> fields) {
		FieldMap copy = new FieldMap(fields.size());
		fields.forEach((name, value) -> copy.put(name, multiValue(value)));
		return new InputRow(time, copy);
	}

	/** Persists {@code index} as segment {@code id} into a file of {@code directory} named for the id and opens it. */
	public static Segment persist(IncrementalIndex index, SegmentId id, Path directory) {
		Path file = createDirectories(directory).resolve(id + ".strata");
		new IndexPersister().persist(index, id, file);
		return new SegmentFileReader().open(file);
	}

	/**
	 * Feeds {@code rows} in order through an indexing pipeline working in {@code work} (version v1,
	 * spilling every {@code maxRowsInMemory} rows) and opens the segments it publishes, in their order.
	 */
	public static List<Segment> index(DataSchema schema, Path work, int maxRowsInMemory, Iterable<InputRow> rows) {
		IndexingPipeline pipeline = new IndexingPipeline(schema, work, "v1", maxRowsInMemory, Long.MAX_VALUE, 10);
		for (InputRow row : rows) {
			pipeline.accept(row);
		}
		List<Segment> segments = new ArrayList<>();
		for (SegmentMetadata metadata : pipeline.finish()) {
			segments.add(new SegmentFileReader()
				.open(work.resolve("segments").resolve(metadata.id().toString()).resolve(SegmentFormat.FILE_NAME)));
		}
		return segments;
	}

	/** Input rows hold multi-value fields as lists of their own, which ingestion may keep. */
	private static Object multiValue(Object value) {
		return value instanceof List<?> list ? new ArrayList<Object>(list) : value;
	}

	private static Path createDirectories(Path directory) {
		try {
			return Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
