package io.strata.engine.segment.encoding;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a sorted dictionary of non-null strings. Read by {@link DictionaryPartReader}.
 * Layout (little-endian): {@code int count; int offset[count + 1]; byte utf8[...]}, offsets
 * relative to the start of the UTF-8 bytes.
 */
public final class DictionaryPartWriter {

	private DictionaryPartWriter() {
	}

	/** @param values non-null, sorted by UTF-8 bytes, distinct */
	public static void write(List<String> values, ByteSink out) {
		out.writeInt(values.size());
		byte[][] encoded = new byte[values.size()][];
		int offset = 0;
		for (int i = 0; i < values.size(); i++) {
			encoded[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
			out.writeInt(offset);
			offset += encoded[i].length;
		}
		out.writeInt(offset);
		for (byte[] value : encoded) {
			out.write(value);
		}
	}

}
