package io.strata.gateway.batch;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import io.strata.gateway.http.FieldError;
import io.strata.gateway.http.UsageEventInput;
import io.strata.gateway.http.UsageEventValidator;
import io.strata.gateway.publish.EventSource;
import io.strata.gateway.publish.PublishUnavailableException;
import io.strata.gateway.publish.UsagePublisher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs batch imports. A file's id is a hash of its content; each row's event id is derived from it
 * ({@code batch-<id>-<line>}), so a file posted twice (even after a restart: the ledger remembers)
 * emits nothing the second time, and a retried import re-emits rows with the same ids, which
 * consumers deduplicate. Rows are validated like live events (a longer age bound: summaries come
 * late), produced in chunks, and counted; bad rows are kept aside with their line and reason while
 * the rest go on. Threading: imports run on the given executor; status reads from any thread.
 */
public final class BatchImports {

	private static final int CHUNK = 500;

	private final UsageEventValidator validator;

	private final UsagePublisher publisher;

	private final BatchLedger ledger;

	private final ExecutorService executor;

	private final Map<String, BatchStatus> running = new ConcurrentHashMap<>();

	public BatchImports(UsageEventValidator validator, UsagePublisher publisher, BatchLedger ledger,
			ExecutorService executor) {
		this.validator = validator;
		this.publisher = publisher;
		this.ledger = ledger;
		this.executor = executor;
	}

	/** The content's id: the first 32 hex digits of its SHA-256. */
	public static String idOf(Path file) throws IOException {
		try (var in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/**
	 * Starts importing {@code file} (the caller's copy; this class deletes it when done) unless an
	 * import of the same content has run or is running: then its status is returned and nothing is
	 * emitted. Returns the status and whether this call started it.
	 */
	public synchronized Started submit(Path file, SummaryFileReader.Format format) throws IOException {
		String id = idOf(file);
		BatchStatus known = status(id);
		if (known != null && known.state() != BatchStatus.State.FAILED) {
			Files.deleteIfExists(file);
			return new Started(known, false);
		}
		BatchStatus start = new BatchStatus(id, BatchStatus.State.RUNNING, 0, 0, 0, List.of(), null);
		this.running.put(id, start);
		this.executor.execute(() -> run(id, file, format));
		return new Started(start, true);
	}

	/** A submitted import's status and whether the submission started it. */
	public record Started(BatchStatus status, boolean isNew) {

	}

	public BatchStatus status(String id) {
		BatchStatus status = this.running.get(id);
		return status != null ? status : this.ledger.get(id);
	}

	private void run(String id, Path file, SummaryFileReader.Format format) {
		Progress progress = new Progress(id);
		try (var reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
			new SummaryFileReader().read(reader, format, (row, line) -> progress.row(row, line));
			progress.flush();
			finish(progress.status(BatchStatus.State.SUCCEEDED, null));
		}
		catch (IOException | RuntimeException ex) {
			finish(progress.status(BatchStatus.State.FAILED, ex instanceof PublishUnavailableException
					? "Kafka did not acknowledge every event: post the file again to resume" : ex.getMessage()));
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// a temporary copy left behind costs disk, not correctness
			}
		}
	}

	private synchronized void finish(BatchStatus status) {
		this.ledger.record(status);
		this.running.remove(status.id());
	}

	/** One import's counters and its pending chunk. */
	private final class Progress {

		private final String id;

		private final List<UsageEventInput> chunk = new ArrayList<>();

		private final List<BatchStatus.LineError> errors = new ArrayList<>();

		private long rows;

		private long emitted;

		private long rejected;

		Progress(String id) {
			this.id = id;
		}

		void row(JsonNode row, long line) {
			this.rows++;
			if (row.has("_unreadable")) {
				this.rejected++;
				error(line, "", "line " + row.path("_unreadable").asString());
				return;
			}
			if (row instanceof ObjectNode object && !object.has("eventId")) {
				object.put("eventId", "batch-" + this.id + "-" + line);
			}
			UsageEventValidator.Result result = BatchImports.this.validator.validate(row);
			if (!result.errors().isEmpty()) {
				this.rejected++;
				for (FieldError error : result.errors()) {
					error(line, error.field(), error.message());
				}
				return;
			}
			this.chunk.addAll(result.valid());
			if (this.chunk.size() >= CHUNK) {
				flush();
			}
		}

		private void error(long line, String field, String message) {
			if (this.errors.size() < BatchStatus.MAX_ERRORS) {
				this.errors.add(new BatchStatus.LineError(line, field, message));
			}
		}

		void flush() {
			if (!this.chunk.isEmpty()) {
				BatchImports.this.publisher.publish(List.copyOf(this.chunk), EventSource.BATCH);
				this.emitted += this.chunk.size();
				this.chunk.clear();
			}
			BatchImports.this.running.put(this.id, status(BatchStatus.State.RUNNING, null));
		}

		BatchStatus status(BatchStatus.State state, String message) {
			return new BatchStatus(this.id, state, this.rows, this.emitted, this.rejected, this.errors, message);
		}

	}

}
