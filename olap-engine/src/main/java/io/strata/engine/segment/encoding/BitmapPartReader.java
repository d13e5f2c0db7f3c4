package io.strata.engine.segment.encoding;

import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Reads bitmaps written by {@link BitmapPartWriter} as {@link ImmutableRoaringBitmap}s over the
 * mapped bytes: nothing is copied to the heap. Thread-safe.
 */
public final class BitmapPartReader {

	private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

	private final MemorySegment part;

	private final int count;

	private final long bytesStart;

	public BitmapPartReader(MemorySegment part) {
		this.part = part;
		if (part.byteSize() < 8) {
			throw new CorruptPartException("bitmap index is truncated");
		}
		this.count = part.get(INT, 0);
		if (this.count < 0 || 4 + 4L * (this.count + 1) > part.byteSize()) {
			throw new CorruptPartException("bitmap directory does not fit");
		}
		this.bytesStart = 4 + 4L * (this.count + 1);
		if (this.bytesStart + part.get(INT, 4 + 4L * this.count) != part.byteSize()) {
			throw new CorruptPartException("bitmap index length does not match its directory");
		}
	}

	public int size() {
		return this.count;
	}

	public ImmutableRoaringBitmap get(int index) {
		if (index < 0 || index >= this.count) {
			throw new IndexOutOfBoundsException("bitmap index " + index + " of " + this.count);
		}
		int start = this.part.get(INT, 4 + 4L * index);
		int end = this.part.get(INT, 4 + 4L * (index + 1));
		if (start < 0 || end < start || this.bytesStart + end > this.part.byteSize()) {
			throw new CorruptPartException("bitmap " + index + " is out of range");
		}
		return new ImmutableRoaringBitmap(this.part.asSlice(this.bytesStart + start, end - start).asByteBuffer());
	}

}
