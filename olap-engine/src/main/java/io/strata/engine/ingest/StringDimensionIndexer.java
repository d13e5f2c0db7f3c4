package io.strata.engine.ingest;

import io.strata.engine.segment.column.Utf8Order;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes string values in arrival order: slot 0 is null, positive slots are single values, and
 * negative slots {@code -(n + 1)} are the n-th distinct multi-value combination (values already
 * sorted or deduplicated as {@link MultiValueHandling} asks). A one-element list is the same as
 * its single value and an empty list is null, as in Druid.
 */
final class StringDimensionIndexer implements DimensionIndexer {

	private final DimensionSchema schema;

	private final Map<String, Integer> ids = new HashMap<>();

	private final List<String> values = new ArrayList<>();

	private final Map<IntArrayKey, Integer> combinationIds = new HashMap<>();

	private final List<int[]> combinations = new ArrayList<>();

	private long valueBytes;

	StringDimensionIndexer(DimensionSchema schema) {
		this.schema = schema;
		this.values.add(null);
	}

	@Override
	public DimensionSchema schema() {
		return this.schema;
	}

	@Override
	public int encode(Object value) {
		if (value == null) {
			return 0;
		}
		if (value instanceof List<?> list) {
			return encodeList(list);
		}
		return idOf(asString(value));
	}

	private int idOf(String value) {
		Integer id = this.ids.get(value);
		if (id != null) {
			return id;
		}
		int next = this.values.size();
		this.values.add(value);
		this.ids.put(value, next);
		this.valueBytes += 64 + 2L * value.length();
		return next;
	}

	private int encodeList(List<?> list) {
		int size = list.size();
		if (size == 0) {
			return 0;
		}
		if (size == 1) {
			return list.getFirst() == null ? 0 : idOf(asString(list.getFirst()));
		}
		String[] strings = new String[size];
		int count = 0;
		for (Object element : list) {
			if (element != null) {
				strings[count++] = asString(element);
			}
		}
		if (this.schema.multiValueHandling() != MultiValueHandling.ARRAY) {
			Arrays.sort(strings, 0, count, Utf8Order.INSTANCE);
		}
		if (this.schema.multiValueHandling() == MultiValueHandling.SORTED_SET) {
			int unique = 0;
			for (int i = 0; i < count; i++) {
				if (unique == 0 || !strings[i].equals(strings[unique - 1])) {
					strings[unique++] = strings[i];
				}
			}
			count = unique;
		}
		if (count == 0) {
			return 0;
		}
		if (count == 1) {
			return idOf(strings[0]);
		}
		int[] combination = new int[count];
		for (int i = 0; i < count; i++) {
			combination[i] = idOf(strings[i]);
		}
		IntArrayKey key = new IntArrayKey(combination);
		Integer existing = this.combinationIds.get(key);
		if (existing != null) {
			return -(existing + 1);
		}
		int next = this.combinations.size();
		this.combinations.add(combination);
		this.combinationIds.put(key, next);
		return -(next + 1);
	}

	private static String asString(Object value) {
		return switch (value) {
			case String text -> text;
			case Double number -> number.isNaN() || number.isInfinite() ? number.toString() : stripZero(number);
			case byte[] bytes -> java.util.Base64.getEncoder().encodeToString(bytes);
			case List<?> nested -> throw new IllegalArgumentException("holds a nested list");
			case java.util.Map<?, ?> nested -> throw new IllegalArgumentException("holds an object");
			default -> value.toString();
		};
	}

	private static String stripZero(Double number) {
		return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString(number.longValue()) + ".0"
				: number.toString();
	}

	@Override
	public Object decode(int slot) {
		if (slot >= 0) {
			return this.values.get(slot);
		}
		int[] combination = this.combinations.get(-slot - 1);
		List<String> result = new ArrayList<>(combination.length);
		for (int id : combination) {
			result.add(this.values.get(id));
		}
		return result;
	}

	/** The value of a single-value id (never a combination); id 0 is null. */
	String value(int id) {
		return this.values.get(id);
	}

	/** Single values handed out, null (id 0) included. */
	int valueCount() {
		return this.values.size();
	}

	int[] combination(int slot) {
		return this.combinations.get(-slot - 1);
	}

	boolean hasCombinations() {
		return !this.combinations.isEmpty();
	}

	@Override
	public int slotCount() {
		return this.values.size() + this.combinations.size();
	}

	@Override
	public long estimatedBytes() {
		return this.valueBytes + 48L * this.combinations.size();
	}

	/** An int array with value equality, for the combination table. */
	private record IntArrayKey(int[] values) {

		@Override
		public boolean equals(Object other) {
			return other instanceof IntArrayKey key && Arrays.equals(this.values, key.values);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(this.values);
		}

		@Override
		public String toString() {
			return Arrays.toString(this.values);
		}

	}

}
