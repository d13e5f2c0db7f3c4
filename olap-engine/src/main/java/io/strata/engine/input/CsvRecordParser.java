package io.strata.engine.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses RFC 4180 CSV lines into field maps, taking column names from the spec or from the header
 * row. Values stay strings (aggregators and typed dimensions parse numbers); an empty value is
 * null; a value holding the list delimiter is a multi-value. Not thread-safe.
 */
public final class CsvRecordParser {

	private final CsvInputFormatSpec spec;

	private List<String> columns;

	private int headerRowsToSkip;

	private final StringBuilder pending = new StringBuilder();

	public CsvRecordParser(CsvInputFormatSpec spec) {
		this.spec = spec;
		this.columns = spec.findColumnsFromHeader() ? null : spec.columns();
		this.headerRowsToSkip = spec.skipHeaderRows();
	}

	/** Outcome of one physical line. */
	public enum LineResult {

		/** The line completed a record: read it with {@link #record()}. */
		RECORD,
		/** The line was a header or skipped row. */
		SKIPPED,
		/** The line ends inside a quoted value: the next line continues it. */
		INCOMPLETE

	}

	private Map<String, Object> record;

	/**
	 * Feeds one physical line (without its line break).
	 * @throws IllegalArgumentException when the record has more values than columns or bad quoting
	 */
	public LineResult feed(String line) {
		if (!this.pending.isEmpty()) {
			this.pending.append('\n').append(line);
			line = this.pending.toString();
		}
		List<String> values = new ArrayList<>();
		boolean complete;
		try {
			complete = split(line, values);
		}
		catch (IllegalArgumentException ex) {
			// the bad record ends here: the next line starts a new one
			this.pending.setLength(0);
			throw ex;
		}
		if (!complete) {
			if (this.pending.isEmpty()) {
				this.pending.append(line);
			}
			return LineResult.INCOMPLETE;
		}
		this.pending.setLength(0);
		if (this.headerRowsToSkip > 0) {
			this.headerRowsToSkip--;
			return LineResult.SKIPPED;
		}
		if (this.columns == null) {
			this.columns = List.copyOf(values);
			return LineResult.SKIPPED;
		}
		if (values.size() > this.columns.size()) {
			throw new IllegalArgumentException("malformed CSV: the row has " + values.size() + " values but there are "
					+ this.columns.size() + " columns");
		}
		Map<String, Object> fields = new FieldMap(this.columns.size());
		for (int i = 0; i < this.columns.size(); i++) {
			String value = i < values.size() ? values.get(i) : null;
			fields.put(this.columns.get(i), toValue(value));
		}
		this.record = fields;
		return LineResult.RECORD;
	}

	public Map<String, Object> record() {
		return this.record;
	}

	/** True while a quoted value spans lines. */
	public boolean hasPendingLine() {
		return !this.pending.isEmpty();
	}

	private Object toValue(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		String delimiter = this.spec.listDelimiter();
		if (!value.contains(delimiter)) {
			return value;
		}
		List<Object> parts = new ArrayList<>();
		int start = 0;
		while (true) {
			int next = value.indexOf(delimiter, start);
			String part = next < 0 ? value.substring(start) : value.substring(start, next);
			parts.add(part);
			if (next < 0) {
				return parts;
			}
			start = next + delimiter.length();
		}
	}

	/** @return false when the line ends inside quotes */
	private static boolean split(String line, List<String> out) {
		int length = line.length();
		int position = 0;
		StringBuilder value = new StringBuilder();
		while (true) {
			value.setLength(0);
			if (position < length && line.charAt(position) == '"') {
				position++;
				while (true) {
					if (position >= length) {
						return false;
					}
					char c = line.charAt(position);
					if (c == '"') {
						if (position + 1 < length && line.charAt(position + 1) == '"') {
							value.append('"');
							position += 2;
							continue;
						}
						position++;
						break;
					}
					value.append(c);
					position++;
				}
				if (position < length && line.charAt(position) != ',') {
					throw new IllegalArgumentException("malformed CSV: characters after a closing quote");
				}
			}
			else {
				int next = line.indexOf(',', position);
				int stop = next < 0 ? length : next;
				value.append(line, position, stop);
				position = stop;
			}
			out.add(value.toString());
			if (position >= length) {
				return true;
			}
			position++;
			if (position == length) {
				out.add("");
				return true;
			}
		}
	}

}
