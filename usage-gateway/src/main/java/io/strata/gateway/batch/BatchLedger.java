package io.strata.gateway.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The imports that finished, one JSON line each in an append-only file synced on write, so that a
 * file posted again after a restart is still recognised and emits nothing. Thread-safe (one lock).
 */
public final class BatchLedger {

	private final Path file;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Map<String, BatchStatus> finished = new LinkedHashMap<>();

	public BatchLedger(Path file) {
		this.file = file;
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			if (Files.exists(file)) {
				for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
					if (!line.isBlank()) {
						BatchStatus status = read(this.mapper.readTree(line));
						this.finished.put(status.id(), status);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the batch ledger " + file, ex);
		}
	}

	public synchronized BatchStatus get(String id) {
		return this.finished.get(id);
	}

	public synchronized void record(BatchStatus status) {
		try {
			Files.writeString(this.file, this.mapper.writeValueAsString(write(status)) + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write the batch ledger " + this.file, ex);
		}
		this.finished.put(status.id(), status);
	}

	ObjectNode write(BatchStatus status) {
		ObjectNode node = this.mapper.createObjectNode();
		node.put("id", status.id());
		node.put("state", status.state().name());
		node.put("rows", status.rows());
		node.put("emitted", status.emitted());
		node.put("rejected", status.rejected());
		var errors = node.putArray("errors");
		for (BatchStatus.LineError error : status.errors()) {
			ObjectNode entry = errors.addObject();
			entry.put("line", error.line());
			entry.put("field", error.field());
			entry.put("message", error.message());
		}
		if (status.message() != null) {
			node.put("message", status.message());
		}
		return node;
	}

	private static BatchStatus read(JsonNode node) {
		List<BatchStatus.LineError> errors = new ArrayList<>();
		node.path("errors").forEach(error -> errors.add(new BatchStatus.LineError(error.path("line").asLong(),
				error.path("field").asString(""), error.path("message").asString(""))));
		return new BatchStatus(node.path("id").asString(), BatchStatus.State.valueOf(node.path("state").asString()),
				node.path("rows").asLong(), node.path("emitted").asLong(), node.path("rejected").asLong(), errors,
				node.path("message").isMissingNode() ? null : node.path("message").asString());
	}

}
