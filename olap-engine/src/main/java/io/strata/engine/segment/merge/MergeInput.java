package io.strata.engine.segment.merge;

import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.column.SketchValues;
import io.strata.engine.segment.column.StringValues;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

import java.util.Arrays;

/**
 * One segment being merged: cursors over its columns and the decoded key and metrics of its
 * current row, with string ids already remapped to the merged dictionaries. Single-threaded.
 */
final class MergeInput {

	final int index;

	private final Segment segment;

	private final int rows;

	private final NumericValues time;

	private final MergePlan plan;

	private final StringValues[] strings;

	private final int[][] remaps;

	private final NumericValues[] numbers;

	private final ImmutableRoaringBitmap[] numberNulls;

	private final NumericValues[] metricNumbers;

	private final ImmutableRoaringBitmap[] metricNulls;

	private final SketchValues[] sketches;

	int row = -1;

	long currentTime;

	/** Per string dimension: merged ids of the current row and how many. */
	int[][] ids;

	int[] idCounts;

	/** Per numeric dimension: the value (long bits or double) and nullness. */
	long[] longValues;

	double[] doubleValues;

	boolean[] nullValues;

	MergeInput(int index, Segment segment, MergePlan plan) {
		this.index = index;
		this.segment = segment;
		this.rows = segment.numRows();
		this.plan = plan;
		this.time = segment.time().open();
		int dimensions = plan.dimensions().size();
		this.strings = new StringValues[dimensions];
		this.remaps = new int[dimensions][];
		this.numbers = new NumericValues[dimensions];
		this.numberNulls = new ImmutableRoaringBitmap[dimensions];
		this.ids = new int[dimensions][4];
		this.idCounts = new int[dimensions];
		this.longValues = new long[dimensions];
		this.doubleValues = new double[dimensions];
		this.nullValues = new boolean[dimensions];
		for (int d = 0; d < dimensions; d++) {
			MergePlan.Dimension dimension = plan.dimensions().get(d);
			if (!dimension.presentIn(index)) {
				continue;
			}
			if (dimension.isString()) {
				this.strings[d] = segment.stringColumn(dimension.name()).open();
				this.remaps[d] = dimension.remap(index);
			}
			else {
				var column = segment.numericColumn(dimension.name());
				this.numbers[d] = column.open();
				this.numberNulls[d] = column.nullRows();
			}
		}
		int metrics = plan.metrics().size();
		this.metricNumbers = new NumericValues[metrics];
		this.metricNulls = new ImmutableRoaringBitmap[metrics];
		this.sketches = new SketchValues[metrics];
		for (int m = 0; m < metrics; m++) {
			MergePlan.Metric metric = plan.metrics().get(m);
			if (!metric.presentIn(index)) {
				continue;
			}
			if (metric.spec().storedType().isSketch()) {
				this.sketches[m] = segment.sketchColumn(metric.spec().name()).open();
			}
			else {
				var column = segment.numericColumn(metric.spec().name());
				this.metricNumbers[m] = column.open();
				this.metricNulls[m] = column.nullRows();
			}
		}
	}

	/** Moves to the next row; false when the segment is exhausted. */
	boolean advance() {
		this.row++;
		if (this.row >= this.rows) {
			return false;
		}
		this.currentTime = this.time.getLong(this.row);
		for (int d = 0; d < this.strings.length; d++) {
			MergePlan.Dimension dimension = this.plan.dimensions().get(d);
			if (dimension.isString()) {
				StringValues values = this.strings[d];
				if (values == null) {
					this.idCounts[d] = dimension.multiValue() ? 0 : 1;
					this.ids[d][0] = 0;
					continue;
				}
				int count = values.getIds(this.row);
				int[] source = values.lastIds();
				if (this.ids[d].length < count) {
					this.ids[d] = Arrays.copyOf(this.ids[d], count * 2);
				}
				int[] remap = this.remaps[d];
				for (int i = 0; i < count; i++) {
					this.ids[d][i] = remap[source[i]];
				}
				// a null row of a single-value input is a row with no values in a multi-value output
				if (count == 1 && dimension.multiValue() && dimension.hasNull() && this.ids[d][0] == 0) {
					count = 0;
				}
				this.idCounts[d] = count;
			}
			else {
				NumericValues values = this.numbers[d];
				boolean isNull = values == null || this.numberNulls[d].contains(this.row);
				this.nullValues[d] = isNull;
				if (!isNull) {
					if (dimension.type() == io.strata.engine.segment.column.ColumnType.LONG) {
						this.longValues[d] = values.getLong(this.row);
					}
					else {
						this.doubleValues[d] = values.getDouble(this.row);
					}
				}
			}
		}
		return true;
	}

	boolean metricPresent(int metric) {
		return this.metricNumbers[metric] != null || this.sketches[metric] != null;
	}

	boolean metricNull(int metric) {
		return this.metricNumbers[metric] == null ? this.sketches[metric] == null
				: this.metricNulls[metric].contains(this.row);
	}

	long metricLong(int metric) {
		return this.metricNumbers[metric].getLong(this.row);
	}

	double metricDouble(int metric) {
		return this.metricNumbers[metric].getDouble(this.row);
	}

	byte[] metricSketchBytes(int metric) {
		return this.sketches[metric] == null ? null : this.sketches[metric].getBytes(this.row);
	}

	Segment segment() {
		return this.segment;
	}

}
