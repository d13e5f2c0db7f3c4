package io.strata.engine.segment.encoding;

import org.roaringbitmap.RoaringBitmap;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Writes one roaring bitmap per dictionary id in RoaringBitmap's portable serialization, so any
 * RoaringBitmap implementation can read them. Read by {@link BitmapPartReader}. Layout
 * (little-endian): {@code int count; int offset[count + 1]; bytes}, offsets relative to the bytes.
 */
public final class BitmapPartWriter {

	private BitmapPartWriter() {
	}

	public static void write(List<RoaringBitmap> bitmaps, ByteSink out) {
		out.writeInt(bitmaps.size());
		int offset = 0;
		for (RoaringBitmap bitmap : bitmaps) {
			bitmap.runOptimize();
			out.writeInt(offset);
			offset += bitmap.serializedSizeInBytes();
		}
		out.writeInt(offset);
		for (RoaringBitmap bitmap : bitmaps) {
			int size = bitmap.serializedSizeInBytes();
			int at = out.reserve(size);
			bitmap.serialize(ByteBuffer.wrap(out.array(), at, size).slice());
		}
	}

}
