package io.strata.engine.segment.encoding;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads a dictionary written by {@link DictionaryPartWriter} from mapped memory; lookups by value
 * binary-search the UTF-8 bytes in place. Thread-safe.
 */
public final class DictionaryPartReader {

	private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

	private final MemorySegment part;

	private final int count;

	private final long bytesStart;

	public DictionaryPartReader(MemorySegment part) {
		this.part = part;
		if (part.byteSize() < 8) {
			throw new CorruptPartException("dictionary is truncated");
		}
		this.count = part.get(INT, 0);
		if (this.count < 0 || 4 + 4L * (this.count + 1) > part.byteSize()) {
			throw new CorruptPartException("dictionary directory does not fit");
		}
		this.bytesStart = 4 + 4L * (this.count + 1);
		long total = part.get(INT, 4 + 4L * this.count);
		if (this.bytesStart + total != part.byteSize()) {
			throw new CorruptPartException("dictionary length does not match its directory");
		}
	}

	public int size() {
		return this.count;
	}

	public String get(int index) {
		if (index < 0 || index >= this.count) {
			throw new IndexOutOfBoundsException("dictionary index " + index + " of " + this.count);
		}
		int start = this.part.get(INT, 4 + 4L * index);
		int end = this.part.get(INT, 4 + 4L * (index + 1));
		if (start < 0 || end < start || this.bytesStart + end > this.part.byteSize()) {
			throw new CorruptPartException("dictionary entry " + index + " is out of range");
		}
		byte[] bytes = this.part.asSlice(this.bytesStart + start, end - start).toArray(ValueLayout.JAVA_BYTE);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/** @return the index of {@code value}, or {@code -(insertionPoint) - 1} */
	public int indexOf(String value) {
		byte[] wanted = value.getBytes(StandardCharsets.UTF_8);
		int low = 0;
		int high = this.count - 1;
		while (low <= high) {
			int middle = (low + high) >>> 1;
			int comparison = compareAt(middle, wanted);
			if (comparison < 0) {
				low = middle + 1;
			}
			else if (comparison > 0) {
				high = middle - 1;
			}
			else {
				return middle;
			}
		}
		return -(low + 1);
	}

	private int compareAt(int index, byte[] wanted) {
		int start = this.part.get(INT, 4 + 4L * index);
		int end = this.part.get(INT, 4 + 4L * (index + 1));
		int length = end - start;
		long base = this.bytesStart + start;
		int common = Math.min(length, wanted.length);
		for (int i = 0; i < common; i++) {
			int stored = this.part.get(ValueLayout.JAVA_BYTE, base + i) & 0xFF;
			int other = wanted[i] & 0xFF;
			if (stored != other) {
				return stored - other;
			}
		}
		return length - wanted.length;
	}

}
