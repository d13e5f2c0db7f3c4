package io.strata.node.broker.cache;

import java.util.Map;
import java.util.Objects;

import io.strata.engine.error.StrataException;

/**
 * A query's per-segment cache switches from its context: {@code useCache} (read cached segment
 * results) and {@code populateCache} (store the segment results fetched). Both default to true,
 * as Druid's query context does; the broker's own cache configuration still decides whether a
 * cache exists at all.
 */
public record CacheContext(boolean useCache, boolean populateCache) {

	static final String USE_CACHE = "useCache";

	static final String POPULATE_CACHE = "populateCache";

	/**
	 * Reads both switches; values may be booleans or the strings {@code "true"} and {@code "false"}
	 * (any case), as clients send context values as strings.
	 * @throws StrataException (invalid input) for any other value
	 */
	public static CacheContext read(Map<String, Object> context) {
		Objects.requireNonNull(context, "context");
		return new CacheContext(flag(context, USE_CACHE), flag(context, POPULATE_CACHE));
	}

	private static boolean flag(Map<String, Object> context, String key) {
		Object value = context.get(key);
		return switch (value) {
			case null -> true;
			case Boolean bool -> bool;
			case String text when text.trim().equalsIgnoreCase("true") -> true;
			case String text when text.trim().equalsIgnoreCase("false") -> false;
			default -> throw StrataException.invalidInput("Query context[%s] must be a boolean, got[%s]", key, value);
		};
	}

}
