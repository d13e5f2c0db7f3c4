package io.strata.engine.segment.format;

/**
 * The segment file format, version 2. One file per segment:
 * <pre>
 * bytes 0..8    "STRATASG"                 header magic
 * bytes 8..12   int formatVersion (LE)
 * ...           column parts, one after another (see the column writers for each layout)
 * ...           metadata: UTF-8 JSON (see {@link SegmentMetadataJson}) with the offset, length
 *               and (for plain parts) CRC32C of every part
 * last 28 bytes trailer: long metadataOffset, int metadataLength, int metadataCrc32c,
 *               int formatVersion, "STRATAEN"
 * </pre>
 * Block parts carry a CRC32C per block; plain parts (dictionaries, bitmaps) one per part. The
 * trailer lets a reader find the metadata without scanning data.
 */
public final class SegmentFormat {

	/** The version this build writes. */
	public static final int VERSION = 2;

	/** The oldest version this build reads: version 1 differs only in storing double blocks raw. */
	public static final int OLDEST_READABLE_VERSION = 1;

	static final String HEADER_MAGIC = "STRATASG";

	static final String TRAILER_MAGIC = "STRATAEN";

	static final int HEADER_BYTES = 12;

	static final int TRAILER_BYTES = 28;

	/** Rows per block of numeric values and dictionary ids: a power of two, so block = row >>> shift. */
	static final int ROWS_PER_BLOCK_SHIFT = 13;

	static final int ROWS_PER_BLOCK = 1 << ROWS_PER_BLOCK_SHIFT;

	/** Rows per block of sketches, which are much larger per row. */
	static final int SKETCH_ROWS_PER_BLOCK_SHIFT = 8;

	/** The file name of a segment inside its directory. */
	public static final String FILE_NAME = "segment.strata";

	private SegmentFormat() {
	}

}
