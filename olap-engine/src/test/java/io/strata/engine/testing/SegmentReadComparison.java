package io.strata.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.SketchCodec;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.column.SketchColumn;
import io.strata.engine.segment.column.SketchValues;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringDictionary;
import io.strata.engine.segment.column.StringValues;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Checks that two segments answer every read of the column contracts alike: metadata (sizes and
 * format version aside), dictionaries, bitmaps, batch, gather and single-row reads, and the
 * exceptions thrown for reads out of range or of the wrong shape.
 */
public final class SegmentReadComparison {

	private final SplittableRandom random;

	public SegmentReadComparison(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/** The metadata with every size and the format version set to 0. */
	public static SegmentMetadata withoutSizes(SegmentMetadata metadata) {
		return new SegmentMetadata(metadata.id(), 0, metadata.numRows(), 0, metadata.rollup(),
				metadata.queryGranularity(), withoutSize(metadata.time()),
				metadata.dimensions().stream().map(SegmentReadComparison::withoutSize).toList(),
				metadata.metrics().stream().map(SegmentReadComparison::withoutSize).toList(), metadata.aggregators());
	}

	private static ColumnSummary withoutSize(ColumnSummary summary) {
		return new ColumnSummary(summary.name(), summary.type(), summary.hasMultipleValues(), summary.hasNulls(),
				summary.cardinality(), 0, summary.minValue(), summary.maxValue());
	}

	public void assertSameReads(Segment expected, Segment actual) {
		assertThat(withoutSizes(actual.metadata())).isEqualTo(withoutSizes(expected.metadata()));
		assertThat(actual.numRows()).isEqualTo(expected.numRows());
		assertThat(actual.id()).isEqualTo(expected.id());
		compareNumeric("__time", expected.time(), actual.time());
		SegmentMetadata metadata = expected.metadata();
		List<ColumnSummary> columns = new ArrayList<>(metadata.dimensions());
		columns.addAll(metadata.metrics());
		for (ColumnSummary column : columns) {
			String name = column.name();
			if (column.type().isSketch()) {
				AggregatorSpec aggregator = metadata.aggregators().get(metadata.metricNames().indexOf(name));
				compareSketches(name, new SketchCodec(aggregator), expected.sketchColumn(name),
						actual.sketchColumn(name));
				assertThatThrownBy(() -> actual.numericColumn(name)).hasMessage(
						messageOf(() -> expected.numericColumn(name)));
			}
			else if (column.type().isNumeric()) {
				compareNumeric(name, expected.numericColumn(name), actual.numericColumn(name));
				assertThatThrownBy(() -> actual.stringColumn(name)).hasMessage(
						messageOf(() -> expected.stringColumn(name)));
			}
			else {
				compareStrings(name, expected.stringColumn(name), actual.stringColumn(name));
				assertThatThrownBy(() -> actual.numericColumn(name)).hasMessage(
						messageOf(() -> expected.numericColumn(name)));
				assertThatThrownBy(() -> actual.sketchColumn(name)).hasMessage(
						messageOf(() -> expected.sketchColumn(name)));
			}
		}
		assertThatThrownBy(() -> actual.stringColumn("noSuchColumn")).hasMessage(
				messageOf(() -> expected.stringColumn("noSuchColumn")));
	}

	private static String messageOf(Runnable read) {
		try {
			read.run();
		}
		catch (RuntimeException ex) {
			return ex.getMessage();
		}
		throw new AssertionError("the expected segment did not fail");
	}

	public void compareStrings(String name, StringColumn expected, StringColumn actual) {
		int rows = expected.rowCount();
		assertThat(actual.rowCount()).as(name).isEqualTo(rows);
		assertThat(actual.hasMultipleValues()).as(name).isEqualTo(expected.hasMultipleValues());
		StringDictionary left = expected.dictionary();
		StringDictionary right = actual.dictionary();
		assertThat(right.size()).as(name).isEqualTo(left.size());
		assertThat(right.hasNull()).as(name).isEqualTo(left.hasNull());
		List<String> probes = new ArrayList<>(Arrays.asList(null, "", "a", "zz", "\uffff", "\ud83d\ude00", "m"));
		for (int id = 0; id < left.size(); id++) {
			String value = left.get(id);
			assertThat(right.get(id)).as(name + " id " + id).isEqualTo(value);
			probes.add(value);
			if (value != null) {
				probes.add(value + "\u0000");
				// half the code points: a lone surrogate is no string a dictionary can hold
				probes.add(value.substring(0, value.offsetByCodePoints(0, value.codePointCount(0, value.length()) / 2)));
			}
			assertThat(actual.bitmap(id).toArray()).as(name + " bitmap " + id).isEqualTo(expected.bitmap(id).toArray());
		}
		for (String probe : probes) {
			assertThat(right.indexOf(probe)).as("%s indexOf %s", name, probe == null ? null : probe.codePoints().boxed().toList()).isEqualTo(left.indexOf(probe));
		}
		assertThatThrownBy(() -> right.get(left.size())).isInstanceOf(IndexOutOfBoundsException.class);
		assertThatThrownBy(() -> right.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
		assertThatThrownBy(() -> actual.bitmap(left.size())).isInstanceOf(IndexOutOfBoundsException.class);

		StringValues a = expected.open();
		StringValues b = actual.open();
		if (!expected.hasMultipleValues()) {
			int[] all = new int[rows];
			int[] got = new int[rows];
			a.readIds(0, rows, all);
			b.readIds(0, rows, got);
			assertThat(got).as(name).isEqualTo(all);
			for (int round = 0; round < 20 && rows > 0; round++) {
				int start = this.random.nextInt(rows);
				int count = this.random.nextInt(rows - start + 1);
				int[] window = new int[count];
				b.readIds(start, count, window);
				assertThat(window).as(name).isEqualTo(Arrays.copyOfRange(all, start, start + count));
			}
			int[] selected = selection(rows);
			int[] gathered = new int[selected.length];
			int[] expectedGather = new int[selected.length];
			a.readIds(selected, selected.length, expectedGather);
			b.readIds(selected, selected.length, gathered);
			assertThat(gathered).as(name).isEqualTo(expectedGather);
			for (int row = rows - 1; row >= 0; row -= 1 + this.random.nextInt(3)) {
				assertThat(b.getId(row)).as(name + " row " + row).isEqualTo(all[row]);
			}
			assertThatThrownBy(() -> b.readIds(rows, 1, new int[1])).isInstanceOf(IndexOutOfBoundsException.class);
			assertThatThrownBy(() -> b.getId(rows)).isInstanceOf(IndexOutOfBoundsException.class);
		}
		else {
			assertThatThrownBy(() -> b.readIds(0, 0, new int[0])).isInstanceOf(IllegalStateException.class);
			assertThatThrownBy(() -> b.getId(0)).isInstanceOf(IllegalStateException.class);
			assertThatThrownBy(() -> a.getId(0)).isInstanceOf(IllegalStateException.class);
		}
		for (int row = 0; row < rows; row++) {
			int count = a.getIds(row);
			assertThat(b.getIds(row)).as(name + " row " + row).isEqualTo(count);
			assertThat(Arrays.copyOf(b.lastIds(), count)).as(name + " row " + row)
				.isEqualTo(Arrays.copyOf(a.lastIds(), count));
		}
		assertThatThrownBy(() -> b.getIds(rows)).isInstanceOf(IndexOutOfBoundsException.class);
		assertThatThrownBy(() -> b.getIds(-1)).isInstanceOf(IndexOutOfBoundsException.class);
	}

	public void compareNumeric(String name, NumericColumn expected, NumericColumn actual) {
		int rows = expected.rowCount();
		assertThat(actual.type()).as(name).isEqualTo(expected.type());
		assertThat(actual.rowCount()).as(name).isEqualTo(rows);
		assertThat(actual.nullRows().toArray()).as(name).isEqualTo(expected.nullRows().toArray());
		NumericValues a = expected.open();
		NumericValues b = actual.open();
		long[] longs = new long[rows];
		double[] doubles = new double[rows];
		a.readLongs(0, rows, longs);
		a.readDoubles(0, rows, doubles);
		long[] gotLongs = new long[rows];
		double[] gotDoubles = new double[rows];
		b.readLongs(0, rows, gotLongs);
		b.readDoubles(0, rows, gotDoubles);
		assertThat(gotLongs).as(name).isEqualTo(longs);
		assertThat(Arrays.equals(gotDoubles, doubles)).as(name).isTrue();
		for (int round = 0; round < 20 && rows > 0; round++) {
			int start = this.random.nextInt(rows);
			int count = this.random.nextInt(rows - start + 1);
			long[] windowLongs = new long[count];
			double[] windowDoubles = new double[count];
			b.readLongs(start, count, windowLongs);
			b.readDoubles(start, count, windowDoubles);
			assertThat(windowLongs).as(name).isEqualTo(Arrays.copyOfRange(longs, start, start + count));
			assertThat(Arrays.equals(windowDoubles, Arrays.copyOfRange(doubles, start, start + count))).as(name)
				.isTrue();
		}
		int[] selected = selection(rows);
		long[] gatheredLongs = new long[selected.length];
		double[] gatheredDoubles = new double[selected.length];
		b.readLongs(selected, selected.length, gatheredLongs);
		b.readDoubles(selected, selected.length, gatheredDoubles);
		for (int i = 0; i < selected.length; i++) {
			assertThat(gatheredLongs[i]).as(name).isEqualTo(longs[selected[i]]);
			assertThat(Double.compare(gatheredDoubles[i], doubles[selected[i]])).as(name).isZero();
		}
		for (int row = rows - 1; row >= 0; row -= 1 + this.random.nextInt(3)) {
			assertThat(b.getLong(row)).as(name).isEqualTo(a.getLong(row));
			assertThat(Double.compare(b.getDouble(row), a.getDouble(row))).as(name).isZero();
			assertThat(Float.compare(b.getFloat(row), a.getFloat(row))).as(name).isZero();
		}
		assertThatThrownBy(() -> b.getLong(rows)).isInstanceOf(IndexOutOfBoundsException.class);
		assertThatThrownBy(() -> b.readDoubles(0, rows + 1, new double[rows + 1]))
			.isInstanceOf(IndexOutOfBoundsException.class);
	}

	public void compareSketches(String name, SketchCodec codec, SketchColumn expected, SketchColumn actual) {
		int rows = expected.rowCount();
		assertThat(actual.type()).as(name).isEqualTo(expected.type());
		assertThat(actual.rowCount()).as(name).isEqualTo(rows);
		SketchValues a = expected.open();
		SketchValues b = actual.open();
		for (int row = 0; row < rows; row++) {
			byte[] bytes = a.getBytes(row);
			assertThat(b.getBytes(row)).as(name + " row " + row).isEqualTo(bytes);
			Object sketch = b.getSketch(row);
			if (bytes == null) {
				assertThat(sketch).isNull();
			}
			else {
				assertThat(sketch).isExactlyInstanceOf(a.getSketch(row).getClass());
				assertThat(codec.serialize(sketch)).as(name + " row " + row)
					.isEqualTo(codec.serialize(a.getSketch(row)));
			}
		}
		assertThatThrownBy(() -> b.getBytes(rows)).isInstanceOf(IndexOutOfBoundsException.class);
	}

	/** Ascending rows, some of them. */
	private int[] selection(int rows) {
		int[] selected = new int[rows];
		int count = 0;
		int keep = 1 + this.random.nextInt(4);
		for (int row = 0; row < rows; row++) {
			if (this.random.nextInt(keep) == 0) {
				selected[count++] = row;
			}
		}
		return Arrays.copyOf(selected, count);
	}

}
