package io.strata.engine.query.exec;

import io.strata.engine.query.ScanQuery;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.column.SketchValues;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringValues;
import io.strata.engine.type.ColumnType;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@code scan}: the selected rows of each segment as Druid's result batches ({@code
 * segmentId}, {@code columns}, {@code events}, {@code rowSignature}, in that key order), at most
 * the query's {@code batchSize} events a batch. Batches are written to the output as rows are
 * read, so a large scan never sits in memory. With a time order, segments are visited in time
 * order and the segments of one time chunk merged row by row on {@code __time} (each segment is
 * sorted by time), and batches have no segment id. Without a column list each segment's rows carry
 * that segment's own columns; a time-ordered batch then takes its {@code columns} and {@code
 * rowSignature} from its first row, as Druid's broker batches time-ordered rows. {@code __time} is
 * epoch millis, multi-values are arrays, sketches Base64. Stateless.
 */
final class ScanEngine {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	void run(ScanQuery query, List<Segment> segments, QueryControl control, OutputStream out) {
		List<Segment> ordered = new ArrayList<>(segments);
		// by segment id (time, version, partition): the order a broker puts merged batches in too
		ordered.sort(Comparator.comparing(Segment::id));
		try (JsonGenerator json = MAPPER.createGenerator(out)) {
			json.writeStartArray();
			Output output = new Output(json, query);
			if (query.order().equals("none")) {
				unordered(query, ordered, control, output);
			}
			else if (!ordered.isEmpty()) {
				timeOrdered(query, ordered, control, output);
			}
			output.flushBatch();
			json.writeEndArray();
		}
	}

	private static void unordered(ScanQuery query, List<Segment> ordered, QueryControl control, Output output) {
		for (Segment segment : ordered) {
			if (output.done()) {
				return;
			}
			Source source = Source.of(segment, query);
			output.startBatches(segment.id().toString());
			ImmutableRoaringBitmap rows = RowSelector.select(segment, query.intervals(), query.filter());
			IntIterator iterator = rows.getIntIterator();
			int sinceCheck = 0;
			while (iterator.hasNext() && !output.done()) {
				if (++sinceCheck == 1024) {
					control.check();
					sinceCheck = 0;
				}
				output.row(source, iterator.next());
			}
			output.flushBatch();
		}
	}

	/**
	 * Time chunks (segments whose intervals overlap) in time order; inside a chunk, a merge of the
	 * segments' sorted rows. Descending reads chunks and rows backwards.
	 */
	private static void timeOrdered(ScanQuery query, List<Segment> ordered, QueryControl control, Output output) {
		boolean descending = query.order().equals("descending");
		output.startBatches(null);
		List<List<Segment>> chunks = new ArrayList<>();
		for (Segment segment : ordered) {
			List<Segment> last = chunks.isEmpty() ? null : chunks.getLast();
			if (last != null && last.stream().anyMatch(other -> other.id().interval().overlaps(segment.id().interval()))) {
				last.add(segment);
			}
			else {
				chunks.add(new ArrayList<>(List.of(segment)));
			}
		}
		if (descending) {
			Collections.reverse(chunks);
		}
		for (List<Segment> chunk : chunks) {
			if (output.done()) {
				return;
			}
			mergeChunk(query, chunk, descending, control, output);
		}
	}

	private static void mergeChunk(ScanQuery query, List<Segment> chunk, boolean descending, QueryControl control,
			Output output) {
		int n = chunk.size();
		int[][] rows = new int[n][];
		int[] next = new int[n];
		NumericValues[] times = new NumericValues[n];
		List<Source> sources = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Segment segment = chunk.get(i);
			rows[i] = RowSelector.select(segment, query.intervals(), query.filter()).toArray();
			next[i] = descending ? rows[i].length - 1 : 0;
			times[i] = segment.time().open();
			sources.add(Source.of(segment, query));
		}
		int sinceCheck = 0;
		while (!output.done()) {
			int best = -1;
			long bestTime = 0;
			for (int i = 0; i < n; i++) {
				if (next[i] < 0 || next[i] >= rows[i].length) {
					continue;
				}
				long time = times[i].getLong(rows[i][next[i]]);
				if (best < 0 || (descending ? time > bestTime : time < bestTime)) {
					best = i;
					bestTime = time;
				}
			}
			if (best < 0) {
				return;
			}
			if (++sinceCheck == 1024) {
				control.check();
				sinceCheck = 0;
			}
			output.row(sources.get(best), rows[best][next[best]]);
			next[best] += descending ? -1 : 1;
		}
	}

	/** The columns one segment's rows are written with, and their readers. */
	private record Source(List<String> columns, List<ColumnReader> readers) {

		/** The query's columns, or without a column list all of the segment's own. */
		static Source of(Segment segment, ScanQuery query) {
			List<String> columns = query.columns().isEmpty() ? allColumns(segment) : query.columns();
			List<ColumnReader> readers = new ArrayList<>(columns.size());
			for (String column : columns) {
				readers.add(new ColumnReader(segment, column));
			}
			return new Source(columns, readers);
		}

	}

	/** Applies offset and limit, and writes events in batches. */
	private static final class Output {

		private final JsonGenerator json;

		private final boolean compacted;

		private final int batchSize;

		private long skip;

		private long remaining;

		private String segmentId;

		/** Where the current batch's first row came from: its columns name the batch. */
		private Source batchSource;

		private final List<Object> events = new ArrayList<>();

		Output(JsonGenerator json, ScanQuery query) {
			this.json = json;
			this.compacted = query.compactedList();
			this.batchSize = query.batchSize();
			this.skip = query.offset();
			this.remaining = query.limit() == null ? Long.MAX_VALUE : query.limit();
		}

		boolean done() {
			return this.remaining <= 0;
		}

		void startBatches(String segmentId) {
			this.segmentId = segmentId;
		}

		void row(Source source, int row) {
			if (this.skip > 0) {
				this.skip--;
				return;
			}
			this.remaining--;
			if (this.events.isEmpty()) {
				this.batchSource = source;
			}
			this.events.add(event(source.readers(), source.columns(), row, this.compacted));
			if (this.events.size() == this.batchSize) {
				flushBatch();
			}
		}

		void flushBatch() {
			if (this.events.isEmpty()) {
				return;
			}
			this.json.writePOJO(batch(this.segmentId, this.batchSource.columns(), this.events,
					this.batchSource.readers()));
			this.json.flush();
			this.events.clear();
		}

	}

	private static List<String> allColumns(Segment segment) {
		List<String> columns = new ArrayList<>();
		columns.add(Segment.TIME_COLUMN);
		columns.addAll(segment.metadata().dimensionNames());
		columns.addAll(segment.metadata().metricNames());
		return columns;
	}

	private static Object event(List<ColumnReader> readers, List<String> columns, int row, boolean compacted) {
		if (compacted) {
			List<Object> values = new ArrayList<>(readers.size());
			for (ColumnReader reader : readers) {
				values.add(reader.value(row));
			}
			return values;
		}
		Map<String, Object> event = new LinkedHashMap<>();
		for (int i = 0; i < readers.size(); i++) {
			event.put(columns.get(i), readers.get(i).value(row));
		}
		return event;
	}

	private static Map<String, Object> batch(String segmentId, List<String> columns, List<Object> events,
			List<ColumnReader> readers) {
		Map<String, Object> batch = new LinkedHashMap<>();
		batch.put("segmentId", segmentId);
		batch.put("columns", columns);
		batch.put("events", events);
		List<Map<String, Object>> signature = new ArrayList<>();
		for (int i = 0; i < columns.size(); i++) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", columns.get(i));
			entry.put("type", readers.get(i).typeName());
			signature.add(entry);
		}
		batch.put("rowSignature", signature);
		return batch;
	}

	/** Reads one column's values as scan returns them. */
	private static final class ColumnReader {

		private final ColumnType type;

		private final StringColumn strings;

		private final StringValues ids;

		private final NumericValues numbers;

		private final NumericColumn numeric;

		private final SketchValues sketches;

		ColumnReader(Segment segment, String name) {
			ColumnSummary summary = name.equals(Segment.TIME_COLUMN) ? segment.metadata().time()
					: segment.metadata().column(name);
			this.type = summary == null ? null : summary.type();
			this.strings = this.type == ColumnType.STRING ? segment.stringColumn(name) : null;
			this.ids = this.strings == null ? null : this.strings.open();
			this.numeric = this.type != null && this.type.isNumeric()
					? (name.equals(Segment.TIME_COLUMN) ? segment.time() : segment.numericColumn(name)) : null;
			this.numbers = this.numeric == null ? null : this.numeric.open();
			this.sketches = this.type != null && this.type.isSketch() ? segment.sketchColumn(name).open() : null;
		}

		String typeName() {
			return this.type == null ? "STRING" : this.type.druidName();
		}

		Object value(int row) {
			if (this.type == null) {
				return null;
			}
			if (this.strings != null) {
				int count = this.ids.getIds(row);
				if (!this.strings.hasMultipleValues()) {
					return this.strings.dictionary().get(this.ids.lastIds()[0]);
				}
				if (count == 0) {
					return null;
				}
				List<String> values = new ArrayList<>(count);
				for (int i = 0; i < count; i++) {
					values.add(this.strings.dictionary().get(this.ids.lastIds()[i]));
				}
				return count == 1 ? values.getFirst() : values;
			}
			if (this.numbers != null) {
				if (this.numeric.nullRows().contains(row)) {
					return null;
				}
				return switch (this.type) {
					case LONG -> this.numbers.getLong(row);
					case FLOAT -> this.numbers.getFloat(row);
					default -> this.numbers.getDouble(row);
				};
			}
			byte[] bytes = this.sketches.getBytes(row);
			return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
		}

	}

}
