package io.strata.engine.segment.format;

import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.NumericMinMax;
import io.strata.engine.type.ColumnType;
import io.strata.engine.segment.encoding.BitmapPartWriter;
import io.strata.engine.segment.encoding.BlockPartWriter;
import io.strata.engine.segment.encoding.ByteSink;
import io.strata.engine.segment.encoding.NumericBlockCodec;
import org.roaringbitmap.RoaringBitmap;

import java.util.List;

/**
 * Writes a long, float or double column. Parts: {@code values}, blocks of
 * {@link SegmentFormat#ROWS_PER_BLOCK} values ({@link NumericBlockCodec}; longs frame-of-reference,
 * deltas for the sorted time column); {@code nulls}, a one-bitmap {@link BitmapPartWriter} part
 * present only when some row is null (its value is stored as 0).
 */
public final class NumericColumnWriter implements ColumnWriter {

	private final String name;

	private final ColumnType type;

	private final boolean deltaEncoded;

	private final BlockPartWriter blocks = new BlockPartWriter();

	private final RoaringBitmap nulls = new RoaringBitmap();

	private final long[] longs;

	private final double[] doubles;

	private final float[] floats;

	private final ByteSink scratch = new ByteSink(SegmentFormat.ROWS_PER_BLOCK * 8 + 64);

	private int inBlock;

	private int rows;

	private final NumericMinMax minMax;

	/** @param deltaEncoded for a sorted column (time): store deltas between rows */
	public NumericColumnWriter(String name, ColumnType type, boolean deltaEncoded) {
		if (!type.isNumeric()) {
			throw new IllegalArgumentException("not a numeric type: " + type);
		}
		this.name = name;
		this.type = type;
		this.deltaEncoded = deltaEncoded;
		this.minMax = new NumericMinMax(type);
		this.longs = type == ColumnType.LONG ? new long[SegmentFormat.ROWS_PER_BLOCK] : null;
		this.doubles = type == ColumnType.DOUBLE ? new double[SegmentFormat.ROWS_PER_BLOCK] : null;
		this.floats = type == ColumnType.FLOAT ? new float[SegmentFormat.ROWS_PER_BLOCK] : null;
	}

	@Override
	public String name() {
		return this.name;
	}

	public ColumnType type() {
		return this.type;
	}

	@Override
	public int rowCount() {
		return this.rows;
	}

	public void addLong(long value) {
		switch (this.type) {
			case LONG -> {
				this.longs[this.inBlock] = value;
				this.minMax.addLong(value);
			}
			case DOUBLE -> {
				this.doubles[this.inBlock] = value;
				this.minMax.addDouble(value);
			}
			default -> {
				this.floats[this.inBlock] = value;
				this.minMax.addDouble((float) value);
			}
		}
		advance();
	}

	public void addDouble(double value) {
		switch (this.type) {
			case LONG -> {
				addLong((long) value);
				return;
			}
			case DOUBLE -> this.doubles[this.inBlock] = value;
			default -> this.floats[this.inBlock] = (float) value;
		}
		this.minMax.addDouble(this.type == ColumnType.FLOAT ? (float) value : value);
		advance();
	}

	public void addNull() {
		this.nulls.add(this.rows);
		switch (this.type) {
			case LONG -> this.longs[this.inBlock] = this.inBlock > 0 && this.deltaEncoded ? this.longs[this.inBlock - 1] : 0;
			case DOUBLE -> this.doubles[this.inBlock] = 0;
			default -> this.floats[this.inBlock] = 0;
		}
		advance();
	}

	private void advance() {
		this.rows++;
		this.inBlock++;
		if (this.inBlock == SegmentFormat.ROWS_PER_BLOCK) {
			flush();
		}
	}

	private void flush() {
		if (this.inBlock == 0) {
			return;
		}
		this.scratch.clear();
		switch (this.type) {
			case LONG -> NumericBlockCodec.encodeLongs(this.longs, this.inBlock, this.deltaEncoded, this.scratch);
			case DOUBLE -> NumericBlockCodec.encodeDoubles(this.doubles, this.inBlock, this.scratch);
			default -> NumericBlockCodec.encodeFloats(this.floats, this.inBlock, this.scratch);
		}
		this.blocks.addBlock(this.scratch);
		this.inBlock = 0;
	}

	@Override
	public ColumnParts finish() {
		flush();
		ColumnParts parts = new ColumnParts();
		parts.addBlocks("values", this.blocks);
		boolean hasNulls = !this.nulls.isEmpty();
		if (hasNulls) {
			ByteSink nullPart = new ByteSink();
			BitmapPartWriter.write(List.of(this.nulls), nullPart);
			parts.addPlain("nulls", nullPart);
		}
		parts.summary = new ColumnSummary(this.name, this.type, false, hasNulls, -1, parts.sizeBytes(),
				this.minMax.min(), this.minMax.max());
		return parts;
	}

}
