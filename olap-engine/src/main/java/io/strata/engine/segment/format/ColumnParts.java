package io.strata.engine.segment.format;

import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.encoding.BlockPartWriter;
import io.strata.engine.segment.encoding.ByteSink;

import java.util.LinkedHashMap;
import java.util.Map;

/** The encoded parts of one column, before the segment writer places them in the file. */
final class ColumnParts {

	final Map<String, ByteSink> plainParts = new LinkedHashMap<>();

	final Map<String, ByteSink> blockParts = new LinkedHashMap<>();

	ColumnSummary summary;

	void addPlain(String name, ByteSink bytes) {
		this.plainParts.put(name, bytes);
	}

	void addBlocks(String name, BlockPartWriter writer) {
		ByteSink bytes = new ByteSink(1024);
		writer.writeTo(bytes);
		this.blockParts.put(name, bytes);
	}

	long sizeBytes() {
		long size = 0;
		for (ByteSink part : this.plainParts.values()) {
			size += part.size();
		}
		for (ByteSink part : this.blockParts.values()) {
			size += part.size();
		}
		return size;
	}

}
