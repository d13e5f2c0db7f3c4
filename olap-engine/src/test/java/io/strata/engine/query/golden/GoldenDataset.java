package io.strata.engine.query.golden;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.ingest.IndexPersister;
import io.strata.engine.ingest.IngestSpecJson;
import io.strata.engine.input.FieldMap;
import io.strata.engine.input.InputRow;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The twelve hand-written rows the golden queries run on, persisted as three segments of datasource {@code golden}:
 * two partitions of 2026-03-01 and one of 2026-03-02. src/test/resources/golden/README.md shows the same rows as a
 * table; every expected file is worked out by hand from that table, so the two must change together.
 */
public final class GoldenDataset {

	public static final String DATA_SOURCE = "golden";

	/** One input row; a null field is absent from the input, an empty tag list is a null tag. */
	record Row(String segment, String time, String page, List<String> tags, String country, Long status, Long added,
			Double delta, String user) {

	}

	static final List<Row> ROWS = List.of(
			new Row("A", "2026-03-01T00:15:00Z", "Home", List.of("a", "b"), "US", 200L, 10L, 1.5, "u1"),
			new Row("A", "2026-03-01T01:30:00Z", "About", List.of("a"), null, 404L, 20L, -2.0, "u2"),
			new Row("A", "2026-03-01T01:45:00Z", "Home", List.of(), "DE", 200L, null, 0.5, "u1"),
			new Row("A", "2026-03-01T05:00:00Z", "Contact", List.of("c"), "US", 500L, 40L, null, "u3"),
			new Row("A", "2026-03-01T23:59:00Z", "home", List.of("b", "c"), "FR", 200L, 5L, 4.0, "u4"),
			new Row("B", "2026-03-01T01:00:00Z", "About", List.of("b"), "DE", null, 15L, 2.5, "u2"),
			new Row("B", "2026-03-01T05:30:00Z", "Home", List.of("a", "c"), null, 302L, 25L, -0.5, "u5"),
			new Row("B", "2026-03-01T12:00:00Z", "Blog", List.of(), "US", 200L, 30L, 1.0, "u1"),
			new Row("C", "2026-03-02T00:00:00Z", "Blog", List.of("a"), "US", 200L, 50L, 3.0, "u6"),
			new Row("C", "2026-03-02T03:20:00Z", "Home", List.of("b"), "FR", 404L, 60L, 2.0, "u2"),
			new Row("C", "2026-03-02T08:00:00Z", "Contact", List.of("a", "b", "c"), "DE", 200L, 70L, -1.5, "u7"),
			new Row("C", "2026-03-02T20:45:00Z", "About", List.of("c"), "US", 500L, 80L, 0.25, "u1"));

	private static final String SCHEMA = """
			{"dataSource": "golden", "timestampSpec": {"column": "t"},
			 "dimensionsSpec": {"dimensions": ["page", "tags", "country", {"type": "long", "name": "status"}]},
			 "metricsSpec": [{"type": "count", "name": "count"},
			                 {"type": "longSum", "name": "added", "fieldName": "added"},
			                 {"type": "doubleSum", "name": "delta", "fieldName": "delta"},
			                 {"type": "HLLSketchBuild", "name": "users", "fieldName": "user"},
			                 {"type": "quantilesDoublesSketch", "name": "deltaSketch", "fieldName": "delta"}],
			 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "none", "rollup": false}}
			""";

	private GoldenDataset() {
	}

	/** Persists the three segments under {@code directory} and opens them, in timeline order (A, B, C). */
	public static List<Segment> persist(Path directory) {
		DataSchema schema = new IngestSpecJson().readDataSchema(SCHEMA);
		List<Segment> segments = new ArrayList<>();
		segments.add(persist(schema, directory, "A", new SegmentId(DATA_SOURCE, Interval.parse("2026-03-01/2026-03-02"), "v1", 0)));
		segments.add(persist(schema, directory, "B", new SegmentId(DATA_SOURCE, Interval.parse("2026-03-01/2026-03-02"), "v1", 1)));
		segments.add(persist(schema, directory, "C", new SegmentId(DATA_SOURCE, Interval.parse("2026-03-02/2026-03-03"), "v1", 0)));
		return segments;
	}

	private static Segment persist(DataSchema schema, Path directory, String name, SegmentId id) {
		IncrementalIndex index = new IncrementalIndex(schema);
		for (Row row : ROWS) {
			if (row.segment().equals(name)) {
				index.add(inputRow(row));
			}
		}
		Path file = directory.resolve("golden-" + name + ".strata");
		new IndexPersister().persist(index, id, file);
		return new SegmentFileReader().open(file);
	}

	private static InputRow inputRow(Row row) {
		FieldMap fields = new FieldMap(8);
		fields.put("page", row.page());
		fields.put("tags", new ArrayList<Object>(row.tags()));
		put(fields, "country", row.country());
		put(fields, "status", row.status());
		put(fields, "added", row.added());
		put(fields, "delta", row.delta());
		fields.put("user", row.user());
		return new InputRow(IsoTime.parse(row.time()), fields);
	}

	private static void put(FieldMap fields, String name, Object value) {
		if (value != null) {
			fields.put(name, value);
		}
	}

}
