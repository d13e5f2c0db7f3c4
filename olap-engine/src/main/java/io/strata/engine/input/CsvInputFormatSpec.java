package io.strata.engine.input;

import java.util.List;
import java.util.Objects;

/**
 * {@code {"type":"csv"}}: RFC 4180 lines. Column names come from {@code columns} or from the
 * header row; a value containing {@code listDelimiter} is a multi-value.
 */
public record CsvInputFormatSpec(List<String> columns, boolean findColumnsFromHeader, String listDelimiter,
		int skipHeaderRows) implements TextInputFormatSpec {

	/** Druid's default list delimiter, Ctrl-A, which never appears in ordinary text. */
	public static final String DEFAULT_LIST_DELIMITER = "\u0001";

	public CsvInputFormatSpec {
		columns = List.copyOf(columns);
		Objects.requireNonNull(listDelimiter, "listDelimiter");
		if (listDelimiter.isEmpty()) {
			throw new IllegalArgumentException("listDelimiter must not be empty");
		}
		if (skipHeaderRows < 0) {
			throw new IllegalArgumentException("skipHeaderRows must not be negative");
		}
		if (columns.isEmpty() && !findColumnsFromHeader) {
			throw new IllegalArgumentException("either columns or findColumnsFromHeader=true is required");
		}
		if (!columns.isEmpty() && findColumnsFromHeader) {
			throw new IllegalArgumentException("columns and findColumnsFromHeader=true exclude each other");
		}
	}

	public static CsvInputFormatSpec withHeader() {
		return new CsvInputFormatSpec(List.of(), true, DEFAULT_LIST_DELIMITER, 0);
	}

	@Override
	public String typeName() {
		return "csv";
	}

}
