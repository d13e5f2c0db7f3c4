package io.strata.engine.segment.memory;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.SketchColumn;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.time.Granularity;
import io.strata.engine.type.ColumnType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A segment whose columns live in heap arrays: a snapshot of the live incremental index, or
 * any rows built with the column builders of this package. Its metadata is what the segment
 * writer would record for the same rows, except that sizes estimate heap bytes and the format
 * version is {@link #FORMAT_VERSION}. Immutable and thread-safe; {@link #close()} does nothing,
 * the garbage collector frees the columns.
 */
public final class InMemorySegment implements Segment {

	/** The format version of a segment that is no file. */
	public static final int FORMAT_VERSION = 0;

	private final SegmentMetadata metadata;

	private final InMemoryNumericColumn time;

	private final Map<String, InMemoryColumn> columns = new LinkedHashMap<>();

	/**
	 * @param time the {@code __time} column: sorted, without nulls
	 * @param dimensions dimension columns, in dimension order
	 * @param metrics metric columns named and ordered as {@code aggregators}
	 */
	public InMemorySegment(SegmentId id, boolean rollup, Granularity queryGranularity, InMemoryNumericColumn time,
			List<NamedColumn> dimensions, List<NamedColumn> metrics, List<AggregatorSpec> aggregators) {
		if (time.type() != ColumnType.LONG || !time.nullRows().isEmpty()) {
			throw new IllegalArgumentException("the time column must be a long column without nulls");
		}
		int rows = time.rowCount();
		checkSorted(time, rows);
		if (metrics.size() != aggregators.size()) {
			throw new IllegalArgumentException("every metric column needs its aggregator");
		}
		this.time = time;
		this.columns.put(TIME_COLUMN, time);
		List<ColumnSummary> dimensionSummaries = new ArrayList<>();
		List<ColumnSummary> metricSummaries = new ArrayList<>();
		long size = time.summary(TIME_COLUMN).sizeBytes();
		for (NamedColumn dimension : dimensions) {
			ColumnSummary summary = place(dimension, rows);
			dimensionSummaries.add(summary);
			size += summary.sizeBytes();
		}
		for (int i = 0; i < metrics.size(); i++) {
			NamedColumn metric = metrics.get(i);
			AggregatorSpec aggregator = aggregators.get(i);
			if (!metric.name().equals(aggregator.name()) || metric.column() instanceof InMemoryStringColumn) {
				throw new IllegalArgumentException("metric column[" + metric.name() + "] does not match aggregator["
						+ aggregator.name() + "]");
			}
			ColumnSummary summary = place(metric, rows);
			if (summary.type() != aggregator.storedType()) {
				throw new IllegalArgumentException("metric column[" + metric.name() + "] is " + summary.type()
						+ " but its aggregator stores " + aggregator.storedType());
			}
			metricSummaries.add(summary);
			size += summary.sizeBytes();
		}
		this.metadata = new SegmentMetadata(id, FORMAT_VERSION, rows, size, rollup, queryGranularity,
				time.summary(TIME_COLUMN), dimensionSummaries, metricSummaries, aggregators);
	}

	private ColumnSummary place(NamedColumn named, int rows) {
		if (named.column().rowCount() != rows) {
			throw new IllegalArgumentException("column[" + named.name() + "] has " + named.column().rowCount()
					+ " rows but the segment has " + rows);
		}
		if (this.columns.putIfAbsent(named.name(), named.column()) != null) {
			throw new IllegalArgumentException("column[" + named.name() + "] appears twice");
		}
		return named.column().summary(named.name());
	}

	private static void checkSorted(InMemoryNumericColumn time, int rows) {
		long[] times = new long[rows];
		time.open().readLongs(0, rows, times);
		for (int row = 1; row < rows; row++) {
			if (times[row] < times[row - 1]) {
				throw new IllegalArgumentException("the time column is not sorted at row " + row);
			}
		}
	}

	@Override
	public SegmentMetadata metadata() {
		return this.metadata;
	}

	@Override
	public NumericColumn time() {
		return this.time;
	}

	@Override
	public StringColumn stringColumn(String name) {
		return switch (column(name)) {
			case InMemoryStringColumn strings -> strings;
			case InMemoryNumericColumn numbers -> throw wrongType(name, numbers.type(), ColumnType.STRING.druidName());
			case InMemorySketchColumn sketches -> throw wrongType(name, sketches.type(), ColumnType.STRING.druidName());
		};
	}

	@Override
	public NumericColumn numericColumn(String name) {
		return switch (column(name)) {
			case InMemoryNumericColumn numbers -> numbers;
			case InMemoryStringColumn strings -> throw wrongType(name, ColumnType.STRING, "numeric");
			case InMemorySketchColumn sketches -> throw wrongType(name, sketches.type(), "numeric");
		};
	}

	@Override
	public SketchColumn sketchColumn(String name) {
		return switch (column(name)) {
			case InMemorySketchColumn sketches -> sketches;
			case InMemoryStringColumn strings -> throw wrongType(name, ColumnType.STRING, "sketch");
			case InMemoryNumericColumn numbers -> throw wrongType(name, numbers.type(), "sketch");
		};
	}

	/** Nothing to release: the columns are heap arrays. */
	@Override
	public void close() {
	}

	private InMemoryColumn column(String name) {
		InMemoryColumn column = this.columns.get(name);
		if (column == null) {
			throw new StrataException(ErrorCode.COLUMN_NOT_FOUND,
					"Column[" + name + "] not found in segment[" + this.metadata.id() + "]");
		}
		return column;
	}

	private StrataException wrongType(String name, ColumnType actual, String wanted) {
		return StrataException.invalidInput("Column[%s] of segment[%s] is %s, not %s", name, this.metadata.id(),
				actual.druidName(), wanted);
	}

}
