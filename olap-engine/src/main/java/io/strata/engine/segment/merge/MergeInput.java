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

	private static final int BATCH = 8192;

	private int batchStart;

	private int batchEnd;

	private final long[] timeBatch = new long[BATCH];

	private final int[][] idBatches;

	private final long[][] longBatches;

	private final double[][] doubleBatches;

	private final long[][] metricLongBatches;

	private final double[][] metricDoubleBatches;

	private final boolean[] metricHasNulls;

	private final boolean[] dimensionHasNulls;

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
		this.idBatches = new int[dimensions][];
		this.longBatches = new long[dimensions][];
		this.doubleBatches = new double[dimensions][];
		this.dimensionHasNulls = new boolean[dimensions];
		for (int d = 0; d < dimensions; d++) {
			MergePlan.Dimension dimension = plan.dimensions().get(d);
			if (!dimension.presentIn(index)) {
				continue;
			}
			if (dimension.isString()) {
				var column = segment.stringColumn(dimension.name());
				this.strings[d] = column.open();
				this.remaps[d] = dimension.remap(index);
				if (!column.hasMultipleValues()) {
					this.idBatches[d] = new int[BATCH];
				}
			}
			else {
				var column = segment.numericColumn(dimension.name());
				this.numbers[d] = column.open();
				this.numberNulls[d] = column.nullRows();
				this.dimensionHasNulls[d] = !column.nullRows().isEmpty();
				if (dimension.type() == io.strata.engine.type.ColumnType.LONG) {
					this.longBatches[d] = new long[BATCH];
				}
				else {
					this.doubleBatches[d] = new double[BATCH];
				}
			}
		}
		int metrics = plan.metrics().size();
		this.metricNumbers = new NumericValues[metrics];
		this.metricNulls = new ImmutableRoaringBitmap[metrics];
		this.sketches = new SketchValues[metrics];
		this.metricLongBatches = new long[metrics][];
		this.metricDoubleBatches = new double[metrics][];
		this.metricHasNulls = new boolean[metrics];
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
				this.metricHasNulls[m] = !column.nullRows().isEmpty();
				if (metric.spec().storedType() == io.strata.engine.type.ColumnType.LONG) {
					this.metricLongBatches[m] = new long[BATCH];
				}
				else {
					this.metricDoubleBatches[m] = new double[BATCH];
				}
			}
		}
	}

	/** Moves to the next row; false when the segment is exhausted. */
	boolean advance() {
		this.row++;
		if (this.row >= this.rows) {
			return false;
		}
		readCurrent();
		return true;
	}

	/** Moves to any row (to read the first and last keys of the input). */
	void positionAt(int target) {
		if (target < 0 || target >= this.rows) {
			throw new IndexOutOfBoundsException("row " + target + " of " + this.rows);
		}
		this.row = target;
		readCurrent();
	}

	int rowCount() {
		return this.rows;
	}

	private void readCurrent() {
		if (this.row >= this.batchEnd || this.row < this.batchStart) {
			loadBatch(this.row & ~(BATCH - 1));
		}
		int at = this.row & (BATCH - 1);
		this.currentTime = this.timeBatch[at];
		for (int d = 0; d < this.strings.length; d++) {
			MergePlan.Dimension dimension = this.plan.dimensions().get(d);
			if (dimension.isString()) {
				StringValues values = this.strings[d];
				if (values == null) {
					this.idCounts[d] = dimension.multiValue() ? 0 : 1;
					this.ids[d][0] = 0;
					continue;
				}
				int[] remap = this.remaps[d];
				int count;
				if (this.idBatches[d] != null) {
					this.ids[d][0] = remap[this.idBatches[d][at]];
					count = 1;
				}
				else {
					count = values.getIds(this.row);
					int[] source = values.lastIds();
					if (this.ids[d].length < count) {
						this.ids[d] = Arrays.copyOf(this.ids[d], count * 2);
					}
					for (int i = 0; i < count; i++) {
						this.ids[d][i] = remap[source[i]];
					}
				}
				// a null row of a single-value input is a row with no values in a multi-value output
				if (count == 1 && dimension.multiValue() && dimension.hasNull() && this.ids[d][0] == 0) {
					count = 0;
				}
				this.idCounts[d] = count;
			}
			else {
				boolean isNull = this.numbers[d] == null
						|| (this.dimensionHasNulls[d] && this.numberNulls[d].contains(this.row));
				this.nullValues[d] = isNull;
				if (!isNull) {
					if (this.longBatches[d] != null) {
						this.longValues[d] = this.longBatches[d][at];
					}
					else {
						this.doubleValues[d] = this.doubleBatches[d][at];
					}
				}
			}
		}
	}

	private void loadBatch(int start) {
		int count = Math.min(BATCH, this.rows - start);
		this.time.readLongs(start, count, this.timeBatch);
		for (int d = 0; d < this.strings.length; d++) {
			if (this.idBatches[d] != null) {
				this.strings[d].readIds(start, count, this.idBatches[d]);
			}
			else if (this.longBatches[d] != null) {
				this.numbers[d].readLongs(start, count, this.longBatches[d]);
			}
			else if (this.doubleBatches[d] != null) {
				this.numbers[d].readDoubles(start, count, this.doubleBatches[d]);
			}
		}
		for (int m = 0; m < this.metricNumbers.length; m++) {
			if (this.metricLongBatches[m] != null) {
				this.metricNumbers[m].readLongs(start, count, this.metricLongBatches[m]);
			}
			else if (this.metricDoubleBatches[m] != null) {
				this.metricNumbers[m].readDoubles(start, count, this.metricDoubleBatches[m]);
			}
		}
		this.batchStart = start;
		this.batchEnd = start + count;
	}

	boolean metricPresent(int metric) {
		return this.metricNumbers[metric] != null || this.sketches[metric] != null;
	}

	boolean metricNull(int metric) {
		return this.metricNumbers[metric] == null ? this.sketches[metric] == null
				: this.metricHasNulls[metric] && this.metricNulls[metric].contains(this.row);
	}

	long metricLong(int metric) {
		int at = this.row & (BATCH - 1);
		return this.metricLongBatches[metric] != null ? this.metricLongBatches[metric][at]
				: (long) this.metricDoubleBatches[metric][at];
	}

	double metricDouble(int metric) {
		int at = this.row & (BATCH - 1);
		return this.metricDoubleBatches[metric] != null ? this.metricDoubleBatches[metric][at]
				: this.metricLongBatches[metric][at];
	}

	byte[] metricSketchBytes(int metric) {
		return this.sketches[metric] == null ? null : this.sketches[metric].getBytes(this.row);
	}

	Segment segment() {
		return this.segment;
	}

}
