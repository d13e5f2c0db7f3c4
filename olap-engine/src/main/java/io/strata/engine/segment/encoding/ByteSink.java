package io.strata.engine.segment.encoding;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable little-endian byte buffer that column writers fill before the file is assembled. */
public final class ByteSink {

	private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	private byte[] bytes;

	private int size;

	public ByteSink(int initialCapacity) {
		this.bytes = new byte[Math.max(16, initialCapacity)];
	}

	public ByteSink() {
		this(256);
	}

	public int size() {
		return this.size;
	}

	public byte[] array() {
		return this.bytes;
	}

	public byte[] toByteArray() {
		return Arrays.copyOf(this.bytes, this.size);
	}

	public void clear() {
		this.size = 0;
	}

	private void ensure(int extra) {
		if (this.size + extra > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.size + extra));
		}
	}

	public void writeByte(int value) {
		ensure(1);
		this.bytes[this.size++] = (byte) value;
	}

	public void writeInt(int value) {
		ensure(4);
		INTS.set(this.bytes, this.size, value);
		this.size += 4;
	}

	public void writeLong(long value) {
		ensure(8);
		LONGS.set(this.bytes, this.size, value);
		this.size += 8;
	}

	public void write(byte[] source, int offset, int length) {
		ensure(length);
		System.arraycopy(source, offset, this.bytes, this.size, length);
		this.size += length;
	}

	public void write(byte[] source) {
		write(source, 0, source.length);
	}

	/** Reserves {@code length} bytes and returns the offset where they start, for writing later. */
	public int reserve(int length) {
		ensure(length);
		int at = this.size;
		this.size += length;
		return at;
	}

	public void putIntAt(int offset, int value) {
		INTS.set(this.bytes, offset, value);
	}

}
