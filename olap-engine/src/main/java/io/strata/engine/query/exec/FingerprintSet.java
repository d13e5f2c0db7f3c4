package io.strata.engine.query.exec;

import java.util.Arrays;

/**
 * A set of non-zero 64-bit fingerprints: open addressing with linear probing on a power-of-two
 * table, zero marking an empty slot. No boxing, so a hot loop can test millions of rows.
 * Single-threaded.
 */
final class FingerprintSet {

	private long[] table = new long[1024];

	private int size;

	/** Adds a non-zero fingerprint; returns whether it was absent. */
	boolean add(long fingerprint) {
		int mask = this.table.length - 1;
		int slot = (int) mix(fingerprint) & mask;
		while (true) {
			long present = this.table[slot];
			if (present == fingerprint) {
				return false;
			}
			if (present == 0) {
				this.table[slot] = fingerprint;
				if (++this.size * 2 > this.table.length) {
					grow();
				}
				return true;
			}
			slot = (slot + 1) & mask;
		}
	}

	void clear() {
		if (this.size > 0) {
			Arrays.fill(this.table, 0);
			this.size = 0;
		}
	}

	int size() {
		return this.size;
	}

	private void grow() {
		long[] old = this.table;
		this.table = new long[old.length * 2];
		int mask = this.table.length - 1;
		for (long fingerprint : old) {
			if (fingerprint != 0) {
				int slot = (int) mix(fingerprint) & mask;
				while (this.table[slot] != 0) {
					slot = (slot + 1) & mask;
				}
				this.table[slot] = fingerprint;
			}
		}
	}

	private static long mix(long value) {
		long mixed = value * 0x9E3779B97F4A7C15L;
		return mixed ^ (mixed >>> 29);
	}

}
