package io.strata.engine.input;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A small insertion-ordered map of an input row's fields, in two parallel arrays. Ingestion
 * builds one per input row and looks up a dozen fields in it, where a linear scan that compares
 * cached hash codes beats hashing into a {@link java.util.LinkedHashMap} and allocates far less.
 * A repeated key replaces the earlier value, as in a JSON object. Not thread-safe.
 */
public final class FieldMap extends AbstractMap<String, Object> {

	private String[] keys;

	private Object[] values;

	private int size;

	public FieldMap(int expectedSize) {
		this.keys = new String[Math.max(4, expectedSize)];
		this.values = new Object[this.keys.length];
	}

	@Override
	public int size() {
		return this.size;
	}

	private int indexOf(Object key) {
		if (!(key instanceof String wanted)) {
			return -1;
		}
		for (int i = 0; i < this.size; i++) {
			if (this.keys[i] == wanted) {
				return i;
			}
		}
		int hash = wanted.hashCode();
		for (int i = 0; i < this.size; i++) {
			String candidate = this.keys[i];
			if (candidate.hashCode() == hash && candidate.equals(wanted)) {
				return i;
			}
		}
		return -1;
	}

	@Override
	public Object get(Object key) {
		int index = indexOf(key);
		return index < 0 ? null : this.values[index];
	}

	@Override
	public boolean containsKey(Object key) {
		return indexOf(key) >= 0;
	}

	@Override
	public Object put(String key, Object value) {
		int index = indexOf(key);
		if (index >= 0) {
			Object previous = this.values[index];
			this.values[index] = value;
			return previous;
		}
		append(key, value);
		return null;
	}

	private void append(String key, Object value) {
		if (this.size == this.keys.length) {
			this.keys = Arrays.copyOf(this.keys, this.size * 2);
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.keys[this.size] = key;
		this.values[this.size] = value;
		this.size++;
	}

	/**
	 * Puts a value under an interned key (as parsers produce), where identity decides whether the
	 * key is already present: no hashing, no string comparison.
	 */
	public void putInterned(String key, Object value) {
		for (int i = 0; i < this.size; i++) {
			if (this.keys[i] == key) {
				this.values[i] = value;
				return;
			}
		}
		append(key, value);
	}

	@Override
	public Set<Map.Entry<String, Object>> entrySet() {
		return new AbstractSet<>() {
			@Override
			public Iterator<Map.Entry<String, Object>> iterator() {
				return new Iterator<>() {
					private int next;

					@Override
					public boolean hasNext() {
						return this.next < FieldMap.this.size;
					}

					@Override
					public Map.Entry<String, Object> next() {
						if (!hasNext()) {
							throw new NoSuchElementException();
						}
						int index = this.next++;
						return new SimpleImmutableEntry<>(FieldMap.this.keys[index], FieldMap.this.values[index]);
					}
				};
			}

			@Override
			public int size() {
				return FieldMap.this.size;
			}
		};
	}

}
