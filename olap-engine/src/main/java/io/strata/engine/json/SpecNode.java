package io.strata.engine.json;

import io.strata.engine.error.StrataException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A JSON object of a user-supplied spec together with its path from the document root, so every
 * error names the exact field ({@code dataSchema.metricsSpec[2].fieldName}).
 */
public final class SpecNode {

	private final JsonNode node;

	private final String path;

	private SpecNode(JsonNode node, String path) {
		this.node = node;
		this.path = path;
	}

	/** The root object of a spec; {@code name} is used in messages when the root itself is wrong. */
	public static SpecNode root(JsonNode node, String name) {
		SpecNode root = new SpecNode(node, name);
		root.requireObject();
		return root;
	}

	public String path() {
		return this.path;
	}

	public JsonNode json() {
		return this.node;
	}

	public boolean has(String field) {
		JsonNode value = this.node.get(field);
		return value != null && !value.isNull();
	}

	public String fieldPath(String field) {
		return this.path.isEmpty() ? field : this.path + "." + field;
	}

	public StrataException error(String field, String problem) {
		return StrataException.invalidSpec("Invalid spec: field[%s] %s", fieldPath(field), problem);
	}

	public StrataException error(String problem) {
		return StrataException.invalidSpec("Invalid spec: field[%s] %s", this.path, problem);
	}

	public String requiredString(String field) {
		String value = optionalString(field, null);
		if (value == null) {
			throw error(field, "is required");
		}
		return value;
	}

	public String optionalString(String field, String defaultValue) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return defaultValue;
		}
		if (!value.isString()) {
			throw error(field, "must be a string");
		}
		return value.stringValue();
	}

	public int optionalInt(String field, int defaultValue) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return defaultValue;
		}
		if (value.isIntegralNumber() && value.canConvertToInt()) {
			return value.intValue();
		}
		if (value.isString()) {
			try {
				return Integer.parseInt(value.stringValue().trim());
			}
			catch (NumberFormatException ex) {
				throw error(field, "must be a whole number");
			}
		}
		throw error(field, "must be a whole number");
	}

	public long optionalLong(String field, long defaultValue) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return defaultValue;
		}
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			return value.longValue();
		}
		if (value.isString()) {
			try {
				return Long.parseLong(value.stringValue().trim());
			}
			catch (NumberFormatException ex) {
				throw error(field, "must be a whole number");
			}
		}
		throw error(field, "must be a whole number");
	}

	public boolean optionalBoolean(String field, boolean defaultValue) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return defaultValue;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isString() && (value.stringValue().equalsIgnoreCase("true") || value.stringValue().equalsIgnoreCase("false"))) {
			return Boolean.parseBoolean(value.stringValue());
		}
		throw error(field, "must be true or false");
	}

	/** The nested object at {@code field}, or null when absent. */
	public SpecNode optionalObject(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		SpecNode child = new SpecNode(value, fieldPath(field));
		child.requireObject();
		return child;
	}

	public SpecNode requiredObject(String field) {
		SpecNode child = optionalObject(field);
		if (child == null) {
			throw error(field, "is required");
		}
		return child;
	}

	/** The raw value at {@code field} with its path, whatever its JSON type; null when absent. */
	public SpecNode optionalValue(String field) {
		JsonNode value = this.node.get(field);
		return value == null || value.isNull() ? null : new SpecNode(value, fieldPath(field));
	}

	public List<String> optionalStringList(String field) {
		return optionalList(field, element -> {
			if (!element.node.isString()) {
				throw element.error("must be a string");
			}
			return element.node.stringValue();
		});
	}

	/** Maps each element of the array at {@code field}; an absent field is an empty list. */
	public <T> List<T> optionalList(String field, Function<SpecNode, T> mapper) {
		JsonNode value = this.node.get(field);
		List<T> result = new ArrayList<>();
		if (value == null || value.isNull()) {
			return result;
		}
		if (!value.isArray()) {
			throw error(field, "must be an array");
		}
		int index = 0;
		for (JsonNode element : value.values()) {
			result.add(mapper.apply(new SpecNode(element, fieldPath(field) + "[" + index + "]")));
			index++;
		}
		return result;
	}

	/** Maps each element of this node, which must be an array (an array of arrays, for instance). */
	public <T> List<T> elements(Function<SpecNode, T> mapper) {
		if (!this.node.isArray()) {
			throw error("must be an array");
		}
		List<T> result = new ArrayList<>();
		int index = 0;
		for (JsonNode element : this.node.values()) {
			result.add(mapper.apply(new SpecNode(element, this.path + "[" + index + "]")));
			index++;
		}
		return result;
	}

	/** For array elements: true when this element is a JSON string. */
	public boolean isString() {
		return this.node.isString();
	}

	public String stringValue() {
		return this.node.stringValue();
	}

	public void requireObject() {
		if (!this.node.isObject()) {
			throw error("must be a JSON object");
		}
	}

	/** Runs a record constructor, turning its IllegalArgumentException into a spec error at this path. */
	public <T> T build(java.util.function.Supplier<T> constructor) {
		try {
			return constructor.get();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw error("is invalid: " + ex.getMessage());
		}
	}

}
