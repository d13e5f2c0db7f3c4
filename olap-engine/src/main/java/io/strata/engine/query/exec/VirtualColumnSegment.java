package io.strata.engine.query.exec;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.query.VirtualColumn;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.SketchColumn;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.memory.InMemoryColumn;
import io.strata.engine.segment.memory.InMemoryNumericColumn;
import io.strata.engine.segment.memory.InMemoryStringColumn;
import io.strata.engine.type.ColumnType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A segment with a query's virtual columns added: they are listed first among the dimensions of its
 * metadata (hiding a stored column of the same name, as in Druid), and each is computed over all
 * the segment's rows the first time it is read, then kept for the rest of the query. The engines
 * read it like any segment. Thread-safe (computing is synchronized). Closing does nothing: the
 * wrapped segment belongs to the caller.
 */
final class VirtualColumnSegment implements Segment {

	private final Segment base;

	private final Map<String, VirtualColumn> virtualColumns = new LinkedHashMap<>();

	private final Map<String, InMemoryColumn> computed = new HashMap<>();

	private final SegmentMetadata metadata;

	VirtualColumnSegment(Segment base, List<VirtualColumn> virtualColumns) {
		this.base = base;
		for (VirtualColumn column : virtualColumns) {
			this.virtualColumns.put(column.name(), column);
		}
		this.metadata = withVirtualColumns(base.metadata());
	}

	private SegmentMetadata withVirtualColumns(SegmentMetadata stored) {
		List<ColumnSummary> dimensions = new ArrayList<>();
		for (VirtualColumn column : this.virtualColumns.values()) {
			// what is known without computing: the type, and whether a multi-value input makes it multi-value
			dimensions.add(new ColumnSummary(column.name(), column.outputType(),
					column.outputType() == ColumnType.STRING && readsMultiValue(column, stored), true, -1, 0, null, null));
		}
		for (ColumnSummary dimension : stored.dimensions()) {
			if (!this.virtualColumns.containsKey(dimension.name())) {
				dimensions.add(dimension);
			}
		}
		List<ColumnSummary> metrics = new ArrayList<>();
		List<AggregatorSpec> aggregators = new ArrayList<>();
		for (int i = 0; i < stored.metrics().size(); i++) {
			if (!this.virtualColumns.containsKey(stored.metrics().get(i).name())) {
				metrics.add(stored.metrics().get(i));
				aggregators.add(stored.aggregators().get(i));
			}
		}
		return new SegmentMetadata(stored.id(), stored.formatVersion(), stored.numRows(), stored.sizeBytes(),
				stored.rollup(), stored.queryGranularity(), stored.time(), dimensions, metrics, aggregators);
	}

	private boolean readsMultiValue(VirtualColumn column, SegmentMetadata stored) {
		for (String input : column.parsed().columns()) {
			VirtualColumn other = this.virtualColumns.get(input);
			if (other != null) {
				// the virtual columns were checked for cycles when the query was built
				if (other.outputType() == ColumnType.STRING && readsMultiValue(other, stored)) {
					return true;
				}
				continue;
			}
			ColumnSummary summary = stored.column(input);
			if (summary != null && summary.hasMultipleValues()) {
				return true;
			}
		}
		return false;
	}

	@Override
	public SegmentMetadata metadata() {
		return this.metadata;
	}

	@Override
	public NumericColumn time() {
		return this.base.time();
	}

	@Override
	public StringColumn stringColumn(String name) {
		if (!this.virtualColumns.containsKey(name)) {
			return this.base.stringColumn(name);
		}
		if (computed(name) instanceof InMemoryStringColumn strings) {
			return strings;
		}
		throw wrongType(name, "STRING");
	}

	@Override
	public NumericColumn numericColumn(String name) {
		if (!this.virtualColumns.containsKey(name)) {
			return this.base.numericColumn(name);
		}
		if (computed(name) instanceof InMemoryNumericColumn numbers) {
			return numbers;
		}
		throw wrongType(name, "numeric");
	}

	@Override
	public SketchColumn sketchColumn(String name) {
		if (!this.virtualColumns.containsKey(name)) {
			return this.base.sketchColumn(name);
		}
		throw wrongType(name, "sketch");
	}

	private StrataException wrongType(String name, String wanted) {
		return new StrataException(ErrorCode.COLUMN_NOT_FOUND, String.format("Virtual column[%s] is of type[%s], not %s",
				name, this.virtualColumns.get(name).outputType().druidName(), wanted));
	}

	private synchronized InMemoryColumn computed(String name) {
		InMemoryColumn column = this.computed.get(name);
		if (column == null) {
			column = VirtualColumnMaterializer.materialize(this, this.virtualColumns.get(name));
			this.computed.put(name, column);
		}
		return column;
	}

	@Override
	public void close() {
		// the wrapped segment belongs to the caller; computed columns go with this object
	}

}
