package io.strata.engine.ingest;

import java.util.List;

/** The rows of an open {@link IndexReader}, read in place: valid only until the reader closes. */
final class ReaderRows implements IndexRows {

	private final IndexReader reader;

	private final List<DimensionSchema> dimensions;

	ReaderRows(IndexReader reader) {
		this.reader = reader;
		this.dimensions = reader.dimensions();
	}

	@Override
	public int rowCount() {
		return this.reader.rowCount();
	}

	@Override
	public List<DimensionSchema> dimensions() {
		return this.dimensions;
	}

	@Override
	public long time(int row) {
		return this.reader.time(row);
	}

	@Override
	public int slot(int row, int dimension) {
		return this.reader.slot(row, dimension);
	}

	@Override
	public boolean isString(int dimension) {
		return this.reader.dimensionIndexer(dimension) instanceof StringDimensionIndexer;
	}

	@Override
	public int valueCount(int dimension) {
		return strings(dimension).valueCount();
	}

	@Override
	public String value(int dimension, int id) {
		return strings(dimension).value(id);
	}

	@Override
	public int[] combination(int dimension, int slot) {
		return strings(dimension).combination(slot);
	}

	@Override
	public Object number(int dimension, int slot) {
		return this.reader.dimensionIndexer(dimension).decode(slot);
	}

	private StringDimensionIndexer strings(int dimension) {
		return (StringDimensionIndexer) this.reader.dimensionIndexer(dimension);
	}

}
