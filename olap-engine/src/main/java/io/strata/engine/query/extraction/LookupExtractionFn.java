package io.strata.engine.query.extraction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Druid's {@code lookup} with an inline {@code map}. A value the map lacks (and null, which no
 * lookup maps) becomes {@code replaceMissingValueWith} (null by default), or stays itself under
 * {@code retainMissingValue}; both at once is invalid. {@code injective} and {@code optimize} are
 * planning hints Druid uses to rewrite filters; they do not change results and are kept only to
 * round-trip the spec.
 */
public record LookupExtractionFn(Map<String, String> map, boolean retainMissingValue, String replaceMissingValueWith,
		boolean injective, boolean optimize) implements ExtractionFn {

	public LookupExtractionFn {
		map = Collections.unmodifiableMap(new LinkedHashMap<>(map));
		if (retainMissingValue && replaceMissingValueWith != null) {
			throw new IllegalArgumentException("cannot set both replaceMissingValueWith and retainMissingValue");
		}
	}

	@Override
	public String apply(String value) {
		String mapped = value == null ? null : this.map.get(value);
		if (mapped != null) {
			return mapped;
		}
		return this.retainMissingValue ? value : this.replaceMissingValueWith;
	}

}
