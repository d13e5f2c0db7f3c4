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
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@code scan}: the selected rows of each segment as Druid's result batches ({@code
 * segmentId}, {@code columns}, {@code events}, {@code rowSignature}, in that key order). With a
 * time order the rows of all segments are sorted together and the batch has no segment id.
 * {@code __time} is epoch millis, multi-values are arrays, sketches Base64. Stateless.
 */
final class ScanEngine {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	String run(ScanQuery query, List<Segment> segments) {
		List<Segment> ordered = new ArrayList<>(segments);
		ordered.sort(Comparator.comparing(segment -> segment.id().interval()));
		boolean timeOrdered = !query.order().equals("none");
		List<Map<String, Object>> batches = new ArrayList<>();
		List<Object[]> sortable = new ArrayList<>();
		List<String> sortColumns = null;
		long skip = query.offset();
		long remaining = query.limit() == null ? Long.MAX_VALUE : query.limit();
		for (Segment segment : ordered) {
			if (remaining <= 0 && !timeOrdered) {
				break;
			}
			List<String> columns = query.columns().isEmpty() ? allColumns(segment) : query.columns();
			ImmutableRoaringBitmap rows = RowSelector.select(segment, query.intervals(), query.filter());
			List<ColumnReader> readers = new ArrayList<>();
			for (String column : columns) {
				readers.add(new ColumnReader(segment, column));
			}
			List<Object> events = new ArrayList<>();
			IntIterator iterator = rows.getIntIterator();
			NumericValues times = segment.time().open();
			while (iterator.hasNext()) {
				int row = iterator.next();
				if (timeOrdered) {
					sortable.add(new Object[] { times.getLong(row), event(readers, columns, row, query.compactedList()) });
					continue;
				}
				if (skip > 0) {
					skip--;
					continue;
				}
				if (remaining-- <= 0) {
					break;
				}
				events.add(event(readers, columns, row, query.compactedList()));
			}
			sortColumns = sortColumns == null ? columns : sortColumns;
			if (!timeOrdered && !events.isEmpty()) {
				batches.add(batch(segment.id().toString(), columns, events, readers));
			}
		}
		if (timeOrdered && !sortable.isEmpty()) {
			Comparator<Object[]> byTime = Comparator.comparingLong(entry -> (Long) entry[0]);
			sortable.sort(query.order().equals("descending") ? byTime.reversed() : byTime);
			List<Object> events = new ArrayList<>();
			long from = Math.min(query.offset(), sortable.size());
			long to = query.limit() == null ? sortable.size() : Math.min(sortable.size(), from + query.limit());
			for (long i = from; i < to; i++) {
				events.add(sortable.get((int) i)[1]);
			}
			List<ColumnReader> signature = new ArrayList<>();
			for (String column : sortColumns) {
				signature.add(new ColumnReader(ordered.getFirst(), column));
			}
			batches.add(batch(null, sortColumns, events, signature));
		}
		return MAPPER.writeValueAsString(batches);
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
