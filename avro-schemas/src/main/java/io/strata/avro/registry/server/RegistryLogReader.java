package io.strata.avro.registry.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.avro.registry.CompatibilityLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the registry log written by {@link RegistryLogWriter} (the layout is documented there).
 *
 * <p>
 * A last line without its {@code '\n'} is the trace of an append that a crash interrupted before
 * its fsync returned, so the registry never acknowledged it: it is left out, and {@link
 * Replay#validLength()} tells the writer where to cut. Any other line that is not a valid entry
 * fails the read with the file and line number, never a silently smaller registry.
 */
final class RegistryLogReader {

	private final ObjectMapper json = new ObjectMapper();

	/**
	 * The entries of a log, in order.
	 *
	 * @param entries the complete entries
	 * @param validLength the length in bytes of the complete lines; the file's length unless its
	 * last append was interrupted
	 */
	record Replay(List<RegistryLogEntry> entries, long validLength) {

		Replay {
			entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
		}

	}

	/** Reads {@code file}; a missing file is an empty log. */
	Replay read(Path file) throws IOException {
		if (!Files.exists(file)) {
			return new Replay(List.of(), 0);
		}
		byte[] bytes = Files.readAllBytes(file);
		List<RegistryLogEntry> entries = new ArrayList<>();
		int lineStart = 0;
		int lineNumber = 0;
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				lineNumber++;
				String line = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8);
				entries.add(decode(line, file, lineNumber));
				lineStart = i + 1;
			}
		}
		return new Replay(entries, lineStart);
	}

	private RegistryLogEntry decode(String line, Path file, int lineNumber) throws IOException {
		try {
			JsonNode node = this.json.readTree(line);
			String type = text(node, "type");
			return switch (type) {
				case "schema" -> new RegistryLogEntry.SchemaRegistered(integer(node, "id"), text(node, "subject"),
						integer(node, "version"), text(node, "schema"));
				case "config" -> new RegistryLogEntry.GlobalCompatibilitySet(level(node));
				case "subject-config" -> new RegistryLogEntry.SubjectCompatibilitySet(text(node, "subject"), level(node));
				default -> throw new IllegalArgumentException("unknown entry type[" + type + "]");
			};
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new IOException("Registry log[" + file + "] line[" + lineNumber + "] is not a valid entry: "
					+ ex.getMessage(), ex);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = (node == null) ? null : node.get(field);
		if (value == null || !value.isTextual()) {
			throw new IllegalArgumentException("no text field[" + field + "]");
		}
		return value.textValue();
	}

	private static int integer(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isInt()) {
			throw new IllegalArgumentException("no integer field[" + field + "]");
		}
		return value.intValue();
	}

	private static CompatibilityLevel level(JsonNode node) {
		String name = text(node, "compatibility");
		return CompatibilityLevel.parse(name)
			.orElseThrow(() -> new IllegalArgumentException("unknown compatibility level[" + name + "]"));
	}

}
