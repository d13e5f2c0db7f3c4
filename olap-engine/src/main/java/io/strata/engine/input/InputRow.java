package io.strata.engine.input;

import java.util.List;
import java.util.Map;

/**
 * One parsed input row: its event time and its fields. Field values are {@link String},
 * {@link Long}, {@link Double}, {@link Boolean}, {@code List<Object>} (multi-value), nested
 * {@code Map<String, Object>} or null.
 * <p>
 * The map is taken as it is, not copied: one row is built per input event on the ingestion hot
 * path, and its parser hands over a map nobody else holds.
 */
public record InputRow(long timestampMillis, Map<String, Object> fields) {

	public Object get(String field) {
		return this.fields.get(field);
	}

	/** The values of a field as a list: empty when null, one element for a scalar. */
	public List<Object> getList(String field) {
		Object value = this.fields.get(field);
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			@SuppressWarnings("unchecked")
			List<Object> values = (List<Object>) list;
			return values;
		}
		return List.of(value);
	}

}
