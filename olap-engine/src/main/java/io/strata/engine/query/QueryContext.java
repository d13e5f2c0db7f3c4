package io.strata.engine.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A query's {@code context}. Values may arrive as strings ({@code "true"}, {@code "40000"}) and are
 * coerced as Druid does.
 */
public record QueryContext(Map<String, Object> values) {

	public QueryContext {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	public static QueryContext empty() {
		return new QueryContext(Map.of());
	}

	public boolean getBoolean(String key, boolean defaultValue) {
		Object value = this.values.get(key);
		return switch (value) {
			case null -> defaultValue;
			case Boolean bool -> bool;
			case String text -> Boolean.parseBoolean(text.trim());
			default -> defaultValue;
		};
	}

	/** Druid's {@code finalize} (default true): false leaves aggregator values unfinalized in results. */
	public boolean finalizeResults() {
		return getBoolean("finalize", true);
	}

	public long getLong(String key, long defaultValue) {
		Object value = this.values.get(key);
		return switch (value) {
			case null -> defaultValue;
			case Number number -> number.longValue();
			case String text -> {
				try {
					yield Long.parseLong(text.trim());
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("context[" + key + "] must be a number");
				}
			}
			default -> throw new IllegalArgumentException("context[" + key + "] must be a number");
		};
	}

}
