package io.strata.gateway.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjLongConsumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a usage summary file into one JSON object per row, in the shape the HTTP API takes, so
 * that batch rows pass the same validation as live events. NDJSON: one event object a line. CSV:
 * a header naming the columns ({@code timestamp,accountId,apiName,statusCode,bundles,...}),
 * bundles separated by {@code |}, numbers as numbers; quoted fields may hold commas and doubled
 * quotes. Blank lines are skipped. A line that cannot be read at all becomes an object with a
 * {@code _unreadable} field, which validation reports for that line. Not thread-safe.
 */
public final class SummaryFileReader {

	public enum Format {

		CSV, NDJSON

	}

	private static final List<String> NUMERIC = List.of("statusCode", "latencyMs", "bytes");

	private final JsonMapper mapper = JsonMapper.builder().build();

	/** Calls {@code row} with each row and its line number. */
	public void read(Reader source, Format format, ObjLongConsumer<JsonNode> row) throws IOException {
		BufferedReader lines = new BufferedReader(source);
		List<String> header = null;
		long number = 0;
		for (String line = lines.readLine(); line != null; line = lines.readLine()) {
			number++;
			if (line.isBlank()) {
				continue;
			}
			if (format == Format.NDJSON) {
				row.accept(parseJson(line), number);
			}
			else if (header == null) {
				header = splitCsv(line);
			}
			else {
				row.accept(csvRow(header, splitCsv(line)), number);
			}
		}
	}

	private JsonNode parseJson(String line) {
		try {
			return this.mapper.readTree(line);
		}
		catch (JacksonException ex) {
			return unreadable("not a JSON object: " + ex.getOriginalMessage());
		}
	}

	private JsonNode csvRow(List<String> header, List<String> values) {
		if (values.size() != header.size()) {
			return unreadable("has " + values.size() + " columns where the header names " + header.size());
		}
		ObjectNode event = this.mapper.createObjectNode();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i);
			String value = values.get(i);
			if (value.isEmpty()) {
				continue;
			}
			if (name.equals("bundles")) {
				var bundles = event.putArray("bundles");
				for (String bundle : value.split("\\|")) {
					bundles.add(bundle.strip());
				}
			}
			else if (NUMERIC.contains(name) && value.matches("-?\\d{1,18}")) {
				event.put(name, Long.parseLong(value));
			}
			else if (name.equals("timestamp") && value.matches("\\d{1,18}")) {
				event.put(name, Long.parseLong(value));
			}
			else {
				event.put(name, value);
			}
		}
		return event;
	}

	private ObjectNode unreadable(String reason) {
		ObjectNode event = this.mapper.createObjectNode();
		event.put("_unreadable", reason);
		return event;
	}

	static List<String> splitCsv(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString().strip());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString().strip());
		return fields;
	}

}
