package io.strata.engine.segment.memory;

import io.strata.engine.segment.column.StringDictionary;
import io.strata.engine.segment.column.Utf8Order;

import java.util.Arrays;
import java.util.Objects;

/** A sorted string dictionary in an array; id 0 is null when the column has nulls. Immutable. */
final class InMemoryStringDictionary implements StringDictionary {

	private final String[] values;

	private final boolean hasNull;

	/** @param values the non-null values, distinct and sorted by {@link Utf8Order}; not copied */
	InMemoryStringDictionary(String[] values, boolean hasNull) {
		this.values = values;
		this.hasNull = hasNull;
	}

	@Override
	public int size() {
		return this.values.length + (this.hasNull ? 1 : 0);
	}

	@Override
	public boolean hasNull() {
		return this.hasNull;
	}

	@Override
	public String get(int id) {
		Objects.checkIndex(id, size());
		if (this.hasNull) {
			return id == 0 ? null : this.values[id - 1];
		}
		return this.values[id];
	}

	@Override
	public int indexOf(String value) {
		if (value == null) {
			return this.hasNull ? 0 : -1;
		}
		int index = Arrays.binarySearch(this.values, value, Utf8Order.INSTANCE);
		int shift = this.hasNull ? 1 : 0;
		return index >= 0 ? index + shift : index - shift;
	}

	/** The smallest non-null value, or null when there is none. */
	String min() {
		return this.values.length == 0 ? null : this.values[0];
	}

	String max() {
		return this.values.length == 0 ? null : this.values[this.values.length - 1];
	}

	long estimatedBytes() {
		long bytes = 16L + 8L * this.values.length;
		for (String value : this.values) {
			bytes += 40 + value.length();
		}
		return bytes;
	}

}
