package io.strata.engine.query;

import io.strata.engine.json.SpecNode;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Reads a Druid string ordering ({@code StringComparator}) wherever a query names one: a bare name
 * ({@code "numeric"}) or an object ({@code {"type": "numeric"}}), without case, as Druid's
 * deserializer accepts both. Stateless.
 */
final class StringOrderingJson {

	private StringOrderingJson() {
	}

	/** The ordering in {@code field} of {@code node}, or {@code absent} when the field is missing or null. */
	static StringOrdering read(SpecNode node, String field, StringOrdering absent) {
		SpecNode value = node.optionalValue(field);
		if (value == null) {
			return absent;
		}
		if (value.isString()) {
			return named(value.stringValue(), () -> node.error(field, message(value.stringValue())));
		}
		value.requireObject();
		String type = value.optionalString("type", absent.jsonName());
		return named(type, () -> value.error("type", message(type)));
	}

	private static StringOrdering named(String name, Supplier<RuntimeException> error) {
		try {
			return StringOrdering.named(name.toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw error.get();
		}
	}

	private static String message(String name) {
		return "is an unknown ordering [" + name + "]; must be one of [lexicographic, alphanumeric, strlen, numeric, "
				+ "version]";
	}

}
