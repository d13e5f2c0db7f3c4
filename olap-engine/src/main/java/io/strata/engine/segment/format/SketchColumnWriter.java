package io.strata.engine.segment.format;

import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.type.ColumnType;
import io.strata.engine.segment.encoding.BlockPartWriter;
import io.strata.engine.segment.encoding.ByteSink;

/**
 * Writes a column of serialized sketches. Part {@code values}: blocks of 2^{@link
 * SegmentFormat#SKETCH_ROWS_PER_BLOCK_SHIFT} rows, each block {@code int count; int
 * length[count]; bytes}, LZ4-compressed. Lengths rather than offsets, because equal lengths
 * (small sketches of one item) compress to almost nothing while rising offsets do not. A
 * zero-length value is a row without a sketch.
 */
public final class SketchColumnWriter implements ColumnWriter {

	private static final int BLOCK = 1 << SegmentFormat.SKETCH_ROWS_PER_BLOCK_SHIFT;

	private final String name;

	private final ColumnType type;

	private final BlockPartWriter blocks = new BlockPartWriter();

	private final ByteSink values = new ByteSink(1 << 16);

	private final int[] lengths = new int[BLOCK];

	private final ByteSink scratch = new ByteSink(1 << 16);

	private int inBlock;

	private int rows;

	private boolean sawNull;

	public SketchColumnWriter(String name, ColumnType type) {
		if (!type.isSketch()) {
			throw new IllegalArgumentException("not a sketch type: " + type);
		}
		this.name = name;
		this.type = type;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public int rowCount() {
		return this.rows;
	}

	/** @param serialized the sketch's compact bytes, or null for none */
	public void add(byte[] serialized) {
		if (serialized == null) {
			this.sawNull = true;
			this.lengths[this.inBlock] = 0;
		}
		else {
			this.values.write(serialized);
			this.lengths[this.inBlock] = serialized.length;
		}
		this.rows++;
		this.inBlock++;
		if (this.inBlock == BLOCK) {
			flush();
		}
	}

	private void flush() {
		if (this.inBlock == 0) {
			return;
		}
		this.scratch.clear();
		this.scratch.writeInt(this.inBlock);
		for (int i = 0; i < this.inBlock; i++) {
			this.scratch.writeInt(this.lengths[i]);
		}
		this.scratch.write(this.values.array(), 0, this.values.size());
		this.blocks.addBlock(this.scratch);
		this.values.clear();
		this.inBlock = 0;
	}

	@Override
	public ColumnParts finish() {
		flush();
		ColumnParts parts = new ColumnParts();
		parts.addBlocks("values", this.blocks);
		parts.summary = new ColumnSummary(this.name, this.type, false, this.sawNull, -1, parts.sizeBytes(), null, null);
		return parts;
	}

}
