package io.strata.engine.query.exec;

import java.util.Arrays;

/**
 * Numbers distinct non-negative long keys with dense slots 0, 1, 2… in first-seen order: an array
 * indexed by key when the key space is small, else open addressing with linear probing. Keys are
 * kept per slot so groups can be read back. Single-threaded.
 */
final class GroupSlotTable {

	private static final long EMPTY = -1;

	/** Slot by key, when the key space fits (null otherwise). */
	private final int[] direct;

	private long[] hashKeys;

	private int[] hashSlots;

	private long[] slotKeys = new long[64];

	private int size;

	GroupSlotTable(long keySpace, long directLimit) {
		if (keySpace <= directLimit) {
			this.direct = new int[(int) keySpace];
			Arrays.fill(this.direct, -1);
		}
		else {
			this.direct = null;
			this.hashKeys = new long[1024];
			Arrays.fill(this.hashKeys, EMPTY);
			this.hashSlots = new int[1024];
		}
	}

	/** The slot of each key: {@code slots[i] = slot(keys[i])} for {@code i < count}. */
	void slots(long[] keys, int count, int[] slots) {
		if (this.direct != null) {
			int[] direct = this.direct;
			for (int i = 0; i < count; i++) {
				int key = (int) keys[i];
				int slot = direct[key];
				if (slot < 0) {
					slot = newSlot(keys[i]);
					direct[key] = slot;
				}
				slots[i] = slot;
			}
			return;
		}
		for (int i = 0; i < count; i++) {
			slots[i] = hashedSlot(keys[i]);
		}
	}

	int size() {
		return this.size;
	}

	long key(int slot) {
		return this.slotKeys[slot];
	}

	/** Forgets every key. */
	void clear() {
		if (this.direct != null) {
			for (int slot = 0; slot < this.size; slot++) {
				this.direct[(int) this.slotKeys[slot]] = -1;
			}
		}
		else {
			Arrays.fill(this.hashKeys, EMPTY);
		}
		this.size = 0;
	}

	private int hashedSlot(long key) {
		int mask = this.hashKeys.length - 1;
		int index = (int) mix(key) & mask;
		while (true) {
			long present = this.hashKeys[index];
			if (present == key) {
				return this.hashSlots[index];
			}
			if (present == EMPTY) {
				int slot = newSlot(key);
				this.hashKeys[index] = key;
				this.hashSlots[index] = slot;
				if (this.size * 2 > this.hashKeys.length) {
					rehash();
				}
				return slot;
			}
			index = (index + 1) & mask;
		}
	}

	private int newSlot(long key) {
		if (this.size == this.slotKeys.length) {
			this.slotKeys = Arrays.copyOf(this.slotKeys, this.size * 2);
		}
		this.slotKeys[this.size] = key;
		return this.size++;
	}

	private void rehash() {
		int capacity = this.hashKeys.length * 2;
		this.hashKeys = new long[capacity];
		Arrays.fill(this.hashKeys, EMPTY);
		this.hashSlots = new int[capacity];
		int mask = capacity - 1;
		for (int slot = 0; slot < this.size; slot++) {
			long key = this.slotKeys[slot];
			int index = (int) mix(key) & mask;
			while (this.hashKeys[index] != EMPTY) {
				index = (index + 1) & mask;
			}
			this.hashKeys[index] = key;
			this.hashSlots[index] = slot;
		}
	}

	private static long mix(long value) {
		long mixed = value * 0x9E3779B97F4A7C15L;
		return mixed ^ (mixed >>> 32);
	}

}
