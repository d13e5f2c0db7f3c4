package io.strata.engine.ingest;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.ingest.IndexRowOrder.StringRanks;
import io.strata.engine.aggregation.SketchCodec;
import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.type.ColumnType;
import io.strata.engine.segment.format.ColumnWriter;
import io.strata.engine.segment.format.NumericColumnWriter;
import io.strata.engine.segment.format.SegmentWriter;
import io.strata.engine.segment.format.SketchColumnWriter;
import io.strata.engine.segment.format.StringColumnWriter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an incremental index as an immutable segment: sorts each string dictionary, remaps
 * ids to their sorted ranks, orders rows by time then dimension values ({@link IndexRowOrder}),
 * and writes every column.
 * Dictionary values no row holds (left by rejected rows) are dropped. Stateless.
 */
public final class IndexPersister {

	private final boolean sync;

	/** A persister whose segments are synced to disk before they are moved into place. */
	public IndexPersister() {
		this(true);
	}

	/** @param sync false for temporary segments that a crash would make useless anyway */
	public IndexPersister(boolean sync) {
		this.sync = sync;
	}

	public SegmentMetadata persist(IncrementalIndex index, SegmentId id, Path file) {
		return persist(index, id, file, List.of());
	}

	/**
	 * Persists with the dimensions in a given order: those named in {@code dimensionOrder}
	 * first, in that order, then the rest in index order. An ingestion that discovers dimensions
	 * passes one order to all its persists, so that their segments can be merged.
	 * <p>
	 * The index's read lock is held while rows are sorted and handed to the column writers,
	 * and released before the columns are compressed and the file is written and synced, so the
	 * writer of a real-time index waits as little as possible.
	 */
	public SegmentMetadata persist(IncrementalIndex index, SegmentId id, Path file, List<String> dimensionOrder) {
		SegmentWriter writer;
		try (IndexReader reader = index.openReader()) {
			writer = fill(reader, id, dimensionOrder);
		}
		return writer.write(file, this.sync);
	}

	private SegmentWriter fill(IndexReader reader, SegmentId id, List<String> dimensionOrder) {
		int rows = reader.rowCount();
		for (int i = 0; i < rows; i++) {
			long time = reader.time(i);
			if (!id.interval().contains(time)) {
				throw new StrataException(ErrorCode.ROW_OUT_OF_INTERVAL,
						"Row time is outside the interval of segment[" + id + "]");
			}
		}
		IndexRowOrder layout = IndexRowOrder.of(new ReaderRows(reader), dimensionOrder);
		List<DimensionSchema> dimensions = layout.dimensions();
		List<StringRanks> ranks = new ArrayList<>();
		int[] dimensionPositions = new int[dimensions.size()];
		for (int d = 0; d < dimensions.size(); d++) {
			ranks.add(layout.ranks(d));
			dimensionPositions[d] = layout.position(d);
		}
		int[] order = layout.rows();

		NumericColumnWriter time = new NumericColumnWriter(io.strata.engine.ingest.DataSchema.TIME_COLUMN,
				ColumnType.LONG, true);
		List<ColumnWriter> dimensionWriters = new ArrayList<>();
		for (int d = 0; d < dimensions.size(); d++) {
			DimensionSchema dimension = dimensions.get(d);
			StringRanks rank = ranks.get(d);
			dimensionWriters.add(rank != null
					? new StringColumnWriter(dimension.name(), rank.sortedValues, rank.hasNull, rank.multiValue)
					: new NumericColumnWriter(dimension.name(), dimension.type(), false));
		}
		List<AggregatorSpec> aggregators = reader.metrics();
		List<ColumnWriter> metricWriters = new ArrayList<>();
		List<SketchCodec> codecs = new ArrayList<>();
		for (AggregatorSpec aggregator : aggregators) {
			ColumnType type = aggregator.storedType();
			metricWriters.add(type.isSketch() ? new SketchColumnWriter(aggregator.name(), type)
					: new NumericColumnWriter(aggregator.name(), type, false));
			codecs.add(type.isSketch() ? new SketchCodec(aggregator) : null);
		}

		int[] ids = new int[8];
		for (int row : order) {
			time.addLong(reader.time(row));
			for (int d = 0; d < dimensions.size(); d++) {
				int slot = reader.slot(row, dimensionPositions[d]);
				ColumnWriter writer = dimensionWriters.get(d);
				StringRanks rank = ranks.get(d);
				if (rank != null) {
					StringColumnWriter strings = (StringColumnWriter) writer;
					if (slot >= 0) {
						if (rank.multiValue) {
							ids[0] = rank.rank[slot];
							strings.addIds(ids, slot == 0 ? 0 : 1);
						}
						else {
							strings.addId(rank.rank[slot]);
						}
					}
					else {
						int[] combination = rank.combination(slot);
						if (ids.length < combination.length) {
							ids = new int[combination.length * 2];
						}
						for (int i = 0; i < combination.length; i++) {
							ids[i] = rank.rank[combination[i]];
						}
						strings.addIds(ids, combination.length);
					}
				}
				else {
					NumericColumnWriter numbers = (NumericColumnWriter) writer;
					Object value = reader.dimensionIndexer(dimensionPositions[d]).decode(slot);
					switch (value) {
						case null -> numbers.addNull();
						case Long number -> numbers.addLong(number);
						case Number number -> numbers.addDouble(number.doubleValue());
						default -> throw StrataException.defensive("Numeric dimension[%s] holds a %s",
								dimensions.get(d).name(), value.getClass().getSimpleName());
					}
				}
			}
			for (int m = 0; m < aggregators.size(); m++) {
				ColumnWriter writer = metricWriters.get(m);
				switch (writer) {
					case SketchColumnWriter sketches -> sketches
						.add(codecs.get(m).serialize(reader.metricSketch(row, m)));
					case NumericColumnWriter numbers -> {
						if (reader.isMetricNull(row, m)) {
							numbers.addNull();
						}
						else if (numbers.type() == ColumnType.LONG) {
							numbers.addLong(reader.metricLong(row, m));
						}
						else {
							numbers.addDouble(reader.metricDouble(row, m));
						}
					}
					case StringColumnWriter strings -> throw StrataException.defensive("metric is a string column");
				}
			}
		}
		return new SegmentWriter(id, reader.rollup(), reader.queryGranularity(), time, dimensionWriters,
				metricWriters, aggregators);
	}

}
