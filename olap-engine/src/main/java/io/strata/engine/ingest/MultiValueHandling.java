package io.strata.engine.ingest;

import java.util.Locale;

/** How a multi-value string dimension keeps its values: Druid's {@code multiValueHandling}. */
public enum MultiValueHandling {

	/** Sorted, duplicates kept (Druid's default). */
	SORTED_ARRAY,
	/** Sorted, duplicates removed. */
	SORTED_SET,
	/** As given. */
	ARRAY;

	public String jsonName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static MultiValueHandling fromJsonName(String name) {
		for (MultiValueHandling handling : values()) {
			if (handling.jsonName().equalsIgnoreCase(name)) {
				return handling;
			}
		}
		throw new IllegalArgumentException("unknown multiValueHandling, expected one of [sorted_array, sorted_set, array]");
	}

}
