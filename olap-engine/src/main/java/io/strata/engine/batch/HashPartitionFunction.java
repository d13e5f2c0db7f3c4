package io.strata.engine.batch;

import io.strata.engine.input.InputRow;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Druid's {@code murmur3_32_abs}: a row's bucket is {@code abs(murmur3_32(key) % numBuckets)},
 * where the key is the JSON of the row's partition-dimension values, each as a list of strings
 * ({@code [["acct-1"],["eu","us"]]}; a missing value is {@code []}). With no partition dimensions
 * the key is the query-granularity time and every dimension ({@code [time,{"dim":["v"]}]}). So
 * equal values always land in the same bucket. Not thread-safe (it reuses a key builder).
 */
public final class HashPartitionFunction {

	private final List<String> partitionDimensions;

	private final StringBuilder json = new StringBuilder();

	public HashPartitionFunction(List<String> partitionDimensions) {
		this.partitionDimensions = List.copyOf(partitionDimensions);
	}

	/**
	 * @param truncatedTime the row's time truncated to the query granularity, hashed when there
	 * are no partition dimensions
	 * @param dimensions the dimensions hashed when there are no partition dimensions
	 */
	public int bucket(InputRow row, long truncatedTime, List<String> dimensions, int numBuckets) {
		byte[] key = key(row, truncatedTime, dimensions).getBytes(StandardCharsets.UTF_8);
		return Math.abs(Murmur3.hash32(key, key.length) % numBuckets);
	}

	/** The JSON key hashed for a row. */
	String key(InputRow row, long truncatedTime, List<String> dimensions) {
		StringBuilder out = this.json;
		out.setLength(0);
		out.append('[');
		if (this.partitionDimensions.isEmpty()) {
			out.append(truncatedTime).append(",{");
			Map<String, Object> sorted = new TreeMap<>();
			for (String dimension : dimensions) {
				Object value = row.get(dimension);
				if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
					sorted.put(dimension, value);
				}
			}
			boolean first = true;
			for (Map.Entry<String, Object> entry : sorted.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				appendString(out, entry.getKey());
				out.append(':');
				appendValues(out, entry.getValue());
			}
			out.append('}');
		}
		else {
			for (int i = 0; i < this.partitionDimensions.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				appendValues(out, row.get(this.partitionDimensions.get(i)));
			}
		}
		out.append(']');
		return out.toString();
	}

	/** Druid's {@code Rows.objectToStrings}: null is no value, a list each element, else one value. */
	private static void appendValues(StringBuilder out, Object value) {
		out.append('[');
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				appendString(out, String.valueOf(list.get(i)));
			}
		}
		else if (value != null) {
			appendString(out, String.valueOf(value));
		}
		out.append(']');
	}

	/** A JSON string as Jackson writes it: quotes, backslashes and control characters escaped. */
	private static void appendString(StringBuilder out, String value) {
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04X", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
