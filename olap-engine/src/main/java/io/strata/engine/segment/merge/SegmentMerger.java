package io.strata.engine.segment.merge;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregation;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.aggregation.SketchCodec;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.type.ColumnType;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.format.ColumnWriter;
import io.strata.engine.segment.format.NumericColumnWriter;
import io.strata.engine.segment.format.SegmentWriter;
import io.strata.engine.segment.format.SketchColumnWriter;
import io.strata.engine.segment.format.StringColumnWriter;
import io.strata.engine.time.Granularity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges N segments into one, the log-structured merge behind real-time handoff and compaction:
 * dictionaries are merged and ids remapped, rows are merged in segment order (a k-way merge of
 * inputs that are each already sorted) and, with rollup, rows with equal keys are combined again
 * (sums add, min/max compare, sketches union). Stateless.
 */
public final class SegmentMerger {

	/**
	 * @param id the output segment's id; every input row must fall in its interval
	 * @param rollup whether rows with equal time and dimensions combine
	 */
	public SegmentMetadata merge(List<Segment> segments, SegmentId id, boolean rollup, Path file) {
		if (segments.isEmpty()) {
			throw StrataException.invalidInput("Merging into segment[%s] needs at least one segment", id);
		}
		MergePlan plan = MergePlan.of(segments);
		Granularity queryGranularity = segments.getFirst().metadata().queryGranularity();
		for (Segment segment : segments) {
			if (!segment.metadata().queryGranularity().equals(queryGranularity)) {
				throw StrataException.invalidInput(
						"Segment[%s] has another query granularity than segment[%s]; they cannot merge", segment.id(),
						segments.getFirst().id());
			}
		}
		NumericColumnWriter time = new NumericColumnWriter(Segment.TIME_COLUMN, ColumnType.LONG, true);
		List<ColumnWriter> dimensionWriters = new ArrayList<>();
		for (MergePlan.Dimension dimension : plan.dimensions()) {
			dimensionWriters.add(dimension.isString()
					? new StringColumnWriter(dimension.name(), dimension.values(), dimension.hasNull(),
							dimension.multiValue())
					: new NumericColumnWriter(dimension.name(), dimension.type(), false));
		}
		List<AggregatorSpec> aggregators = new ArrayList<>();
		List<ColumnWriter> metricWriters = new ArrayList<>();
		for (MergePlan.Metric metric : plan.metrics()) {
			AggregatorSpec spec = metric.spec();
			aggregators.add(spec);
			metricWriters.add(spec.storedType().isSketch() ? new SketchColumnWriter(spec.name(), spec.storedType())
					: new NumericColumnWriter(spec.name(), spec.storedType(), false));
		}

		RowKeyOrder order = new RowKeyOrder(plan);
		PriorityQueue<MergeInput> queue = new PriorityQueue<>(Math.max(1, segments.size()), (left, right) -> {
			int result = order.compare(left, right);
			return result != 0 ? result : Integer.compare(left.index, right.index);
		});
		for (int i = 0; i < segments.size(); i++) {
			MergeInput input = new MergeInput(i, segments.get(i), plan);
			if (input.advance()) {
				queue.add(input);
			}
		}
		PendingRow pending = new PendingRow(plan);
		SegmentConcatenator ranges = new SegmentConcatenator(plan, time, dimensionWriters, metricWriters);
		// Copying a range whole is only right when no two rows inside it would combine.
		boolean rangesAllowed = !rollup || segments.stream().allMatch(segment -> segment.metadata().rollup());
		List<NumericValues> timeCursors = new ArrayList<>();
		for (Segment segment : segments) {
			timeCursors.add(segment.time().open());
		}
		while (!queue.isEmpty()) {
			MergeInput input = queue.poll();
			if (!id.interval().contains(input.currentTime)) {
				throw StrataException.invalidInput("Segment[%s] has rows outside the interval of segment[%s]",
						input.segment().id(), id);
			}
			MergeInput next = queue.peek();
			long limit = next == null ? Long.MAX_VALUE : next.currentTime;
			if (rangesAllowed && input.currentTime < limit) {
				int end = rowsBefore(timeCursors.get(input.index), input.row, input.rowCount(), limit);
				if (end - input.row >= MIN_RANGE_ROWS) {
					// the range's first row may still combine with the row before it
					if (rollup && pending.hasRow() && order.compare(pending.key(), input) == 0) {
						pending.combine(input);
						pending.writeTo(time, dimensionWriters, metricWriters);
						input.advance();
					}
					else if (pending.hasRow()) {
						pending.writeTo(time, dimensionWriters, metricWriters);
					}
					long last = timeCursors.get(input.index).getLong(end - 1);
					if (!id.interval().contains(last)) {
						throw StrataException.invalidInput("Segment[%s] has rows outside the interval of segment[%s]",
								input.segment().id(), id);
					}
					if (input.row < end) {
						ranges.writeRange(input.segment(), input.index, input.row, end);
					}
					if (end < input.rowCount()) {
						input.positionAt(end);
						queue.add(input);
					}
					continue;
				}
			}
			if (rollup && pending.hasRow() && order.compare(pending.key(), input) == 0) {
				pending.combine(input);
			}
			else {
				if (pending.hasRow()) {
					pending.writeTo(time, dimensionWriters, metricWriters);
				}
				pending.start(input);
			}
			if (input.advance()) {
				queue.add(input);
			}
		}
		if (pending.hasRow()) {
			pending.writeTo(time, dimensionWriters, metricWriters);
		}
		return new SegmentWriter(id, rollup, queryGranularity, time, dimensionWriters, metricWriters, aggregators)
			.write(file);
	}

	/** Below this many rows a range is merged row by row: finding it cost more than it saves. */
	private static final int MIN_RANGE_ROWS = 64;

	/**
	 * The first row at or after {@code from} whose time is not below {@code limit}, by galloping
	 * then binary search over the sorted time column; {@code from} itself is known to be below.
	 */
	private static int rowsBefore(NumericValues times, int from, int rows, long limit) {
		int low = from;
		long step = 1;
		long high = from + step;
		while (high < rows && times.getLong((int) high) < limit) {
			low = (int) high;
			step *= 2;
			high = from + step;
		}
		int upper = (int) Math.min(high, rows);
		// invariant: times[low] < limit, and upper == rows or times[upper] >= limit
		while (upper - low > 1) {
			int middle = (low + upper) >>> 1;
			if (times.getLong(middle) < limit) {
				low = middle;
			}
			else {
				upper = middle;
			}
		}
		return upper;
	}

	/** The row being built: a copied key and the combined metrics. */
	private static final class PendingRow {

		private final MergePlan plan;

		private final KeyCopy key;

		private final long[] longs;

		private final double[] doubles;

		private final boolean[] nulls;

		private final Object[] sketches;

		private final SketchCodec[] codecs;

		private boolean hasRow;

		PendingRow(MergePlan plan) {
			this.plan = plan;
			this.key = new KeyCopy(plan.dimensions().size());
			int metrics = plan.metrics().size();
			this.longs = new long[metrics];
			this.doubles = new double[metrics];
			this.nulls = new boolean[metrics];
			this.sketches = new Object[metrics];
			this.codecs = new SketchCodec[metrics];
			for (int m = 0; m < metrics; m++) {
				AggregatorSpec spec = plan.metrics().get(m).spec();
				this.codecs[m] = spec.storedType().isSketch() ? new SketchCodec(spec) : null;
			}
		}

		boolean hasRow() {
			return this.hasRow;
		}

		KeyCopy key() {
			return this.key;
		}

		void start(MergeInput input) {
			this.hasRow = true;
			this.key.copyFrom(input);
			for (int m = 0; m < this.longs.length; m++) {
				AggregatorSpec spec = this.plan.metrics().get(m).spec();
				if (this.codecs[m] != null) {
					// keep the stored bytes; deserialize only if another row combines with this one
					this.sketches[m] = input.metricSketchBytes(m);
					this.nulls[m] = this.sketches[m] == null;
					continue;
				}
				this.nulls[m] = input.metricNull(m);
				if (!this.nulls[m]) {
					if (spec.storedType() == ColumnType.LONG) {
						this.longs[m] = input.metricLong(m);
					}
					else {
						this.doubles[m] = input.metricDouble(m);
					}
				}
			}
		}

		void combine(MergeInput input) {
			for (int m = 0; m < this.longs.length; m++) {
				AggregatorSpec spec = this.plan.metrics().get(m).spec();
				if (this.codecs[m] != null) {
					byte[] bytes = input.metricSketchBytes(m);
					if (bytes != null) {
						Object right = this.codecs[m].deserialize(bytes);
						Object left = this.sketches[m] instanceof byte[] stored ? this.codecs[m].deserialize(stored)
								: this.sketches[m];
						this.sketches[m] = this.codecs[m].combine(left, right);
						this.nulls[m] = false;
					}
					continue;
				}
				if (input.metricNull(m)) {
					continue;
				}
				NumericAggregation.Kind kind = kind(spec);
				if (spec.storedType() == ColumnType.LONG) {
					long value = input.metricLong(m);
					this.longs[m] = this.nulls[m] ? value : switch (kind) {
						case SUM -> this.longs[m] + value;
						case MIN -> Math.min(this.longs[m], value);
						case MAX -> Math.max(this.longs[m], value);
					};
				}
				else {
					double value = input.metricDouble(m);
					double combined = this.nulls[m] ? value : switch (kind) {
						case SUM -> this.doubles[m] + value;
						case MIN -> Math.min(this.doubles[m], value);
						case MAX -> Math.max(this.doubles[m], value);
					};
					this.doubles[m] = spec.storedType() == ColumnType.FLOAT ? (float) combined : combined;
				}
				this.nulls[m] = false;
			}
		}

		private static NumericAggregation.Kind kind(AggregatorSpec spec) {
			return switch (spec) {
				case CountAggregatorSpec count -> NumericAggregation.Kind.SUM;
				case NumericAggregatorSpec numeric -> numeric.aggregation().kind();
				default -> throw StrataException.defensive("Aggregator[%s] is not numeric", spec.name());
			};
		}

		void writeTo(NumericColumnWriter time, List<ColumnWriter> dimensions, List<ColumnWriter> metrics) {
			time.addLong(this.key.time);
			for (int d = 0; d < dimensions.size(); d++) {
				switch (dimensions.get(d)) {
					case StringColumnWriter strings -> {
						if (this.plan.dimensions().get(d).multiValue()) {
							strings.addIds(this.key.ids[d], this.key.idCounts[d]);
						}
						else {
							strings.addId(this.key.ids[d][0]);
						}
					}
					case NumericColumnWriter numbers -> {
						if (this.key.nullValues[d]) {
							numbers.addNull();
						}
						else if (numbers.type() == ColumnType.LONG) {
							numbers.addLong(this.key.longValues[d]);
						}
						else {
							numbers.addDouble(this.key.doubleValues[d]);
						}
					}
					case SketchColumnWriter sketches -> throw StrataException.defensive("a dimension is a sketch");
				}
			}
			for (int m = 0; m < metrics.size(); m++) {
				switch (metrics.get(m)) {
					case SketchColumnWriter sketches -> sketches.add(this.sketches[m] == null ? null
							: this.sketches[m] instanceof byte[] bytes ? bytes : this.codecs[m].serialize(this.sketches[m]));
					case NumericColumnWriter numbers -> {
						if (this.nulls[m]) {
							numbers.addNull();
						}
						else if (numbers.type() == ColumnType.LONG) {
							numbers.addLong(this.longs[m]);
						}
						else {
							numbers.addDouble(this.doubles[m]);
						}
					}
					case StringColumnWriter strings -> throw StrataException.defensive("a metric is a string column");
				}
			}
			this.hasRow = false;
		}

	}

}
