package io.strata.node.deepstorage;

import io.strata.engine.json.SpecNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes a {@link LoadSpec} in the shape Druid stores in a segment's payload:
 * {@code {"type":"local","path":"/abs/segment.strata"}} and
 * {@code {"type":"s3_zip","bucket":"b","key":"k"}}. Druid also writes {@code "S3Schema"}
 * ({@code s3n} or {@code s3a}) in S3 specs; it only names a Hadoop file system, so it is read and
 * ignored, and never written.
 */
public final class LoadSpecJson {

	public static final String TYPE_LOCAL = "local";

	public static final String TYPE_S3 = "s3_zip";

	private LoadSpecJson() {
	}

	public static JsonNode write(LoadSpec loadSpec) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		switch (loadSpec) {
			case LoadSpec.Local local -> {
				node.put("type", TYPE_LOCAL);
				node.put("path", local.path());
			}
			case LoadSpec.S3 s3 -> {
				node.put("type", TYPE_S3);
				node.put("bucket", s3.bucket());
				node.put("key", s3.key());
			}
			case LoadSpec.None none -> {
				// an empty object: nothing to load
			}
		}
		return node;
	}

	/**
	 * @throws io.strata.engine.error.StrataException ({@code INVALID_SPEC}) naming the field, e.g.
	 * {@code loadSpec.type}, when the node is not an object, a field is missing or not a string, or
	 * the type is not one Strata stores segments with
	 */
	public static LoadSpec read(JsonNode json) {
		if (json != null && json.isObject() && json.isEmpty()) {
			return new LoadSpec.None();
		}
		SpecNode node = SpecNode.root(json, "loadSpec");
		String type = node.requiredString("type");
		return switch (type) {
			case TYPE_LOCAL -> new LoadSpec.Local(nonEmpty(node, "path"));
			case TYPE_S3 -> {
				String bucket = nonEmpty(node, "bucket");
				String key = nonEmpty(node, "key");
				node.optionalString("S3Schema", null);
				yield new LoadSpec.S3(bucket, key);
			}
			default -> throw node.error("type", "[" + type + "] is not supported; expected one of [" + TYPE_LOCAL
					+ ", " + TYPE_S3 + "]");
		};
	}

	private static String nonEmpty(SpecNode node, String field) {
		String value = node.requiredString(field);
		if (value.isEmpty()) {
			throw node.error(field, "must not be empty");
		}
		return value;
	}

}
