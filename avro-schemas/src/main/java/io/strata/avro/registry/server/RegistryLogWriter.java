package io.strata.avro.registry.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends entries to the registry log and makes each durable before returning.
 *
 * <p>
 * Layout: UTF-8 JSON, one entry per line, each line ended by {@code '\n'}; the file only grows.
 * <pre>
 * {"type":"schema","id":1,"subject":"usage-value","version":1,"schema":"{...}"}
 * {"type":"config","compatibility":"NONE"}                      registry-wide level
 * {"type":"subject-config","subject":"usage-value","compatibility":"FULL"}
 * </pre>
 * {@link RegistryLogReader} reads it back. Each append is followed by an fsync, so an entry the
 * registry acknowledged survives a crash; a crash in the middle of an append leaves at most one
 * unterminated last line, which the reader drops and {@link #open} cuts off.
 *
 * <p>
 * Holds an exclusive lock on the file while open, so two registries never share a data dir. Not
 * thread-safe: the store calls it under its own lock.
 */
final class RegistryLogWriter implements AutoCloseable {

	private final Path file;

	private final FileChannel channel;

	private final FileLock lock;

	private final ObjectMapper json = new ObjectMapper();

	private RegistryLogWriter(Path file, FileChannel channel, FileLock lock) {
		this.file = file;
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Opens {@code file} for appending after its first {@code validLength} bytes (what the reader
	 * accepted), creating it if needed.
	 */
	static RegistryLogWriter open(Path file, long validLength) throws IOException {
		boolean created = !Files.exists(file);
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		try {
			FileLock lock = lockOrFail(file, channel);
			if (channel.size() > validLength) {
				// the unterminated tail of an append a crash interrupted; it was never acknowledged
				channel.truncate(validLength);
				channel.force(true);
			}
			channel.position(validLength);
			if (created) {
				syncDirectory(file.toAbsolutePath().getParent());
			}
			return new RegistryLogWriter(file, channel, lock);
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	/** Writes one entry as a line and fsyncs it. */
	void append(RegistryLogEntry entry) throws IOException {
		ByteBuffer line = ByteBuffer.wrap(encode(entry));
		while (line.hasRemaining()) {
			this.channel.write(line);
		}
		this.channel.force(true);
	}

	Path file() {
		return this.file;
	}

	@Override
	public void close() throws IOException {
		try {
			this.lock.release();
		}
		finally {
			this.channel.close();
		}
	}

	private byte[] encode(RegistryLogEntry entry) {
		ObjectNode node = this.json.createObjectNode();
		switch (entry) {
			case RegistryLogEntry.SchemaRegistered registered -> node.put("type", "schema")
				.put("id", registered.id())
				.put("subject", registered.subject())
				.put("version", registered.version())
				.put("schema", registered.schema());
			case RegistryLogEntry.GlobalCompatibilitySet global -> node.put("type", "config")
				.put("compatibility", global.level().name());
			case RegistryLogEntry.SubjectCompatibilitySet subject -> node.put("type", "subject-config")
				.put("subject", subject.subject())
				.put("compatibility", subject.level().name());
		}
		try {
			// Jackson escapes control characters, so a schema never breaks the one-line-per-entry layout
			byte[] text = this.json.writeValueAsBytes(node);
			byte[] line = new byte[text.length + 1];
			System.arraycopy(text, 0, line, 0, text.length);
			line[text.length] = '\n';
			return line;
		}
		catch (JacksonException ex) {
			throw new UncheckedIOException("Cannot encode registry log entry", ex);
		}
	}

	private static FileLock lockOrFail(Path file, FileChannel channel) throws IOException {
		try {
			FileLock lock = channel.tryLock();
			if (lock != null) {
				return lock;
			}
		}
		catch (OverlappingFileLockException ex) {
			// held by another registry in this JVM: the same answer as another process holding it
		}
		throw new IOException("Registry log[" + file + "] is in use by another schema registry");
	}

	private static void syncDirectory(Path directory) throws IOException {
		// a new file's directory entry must be durable too, or a crash could lose the whole log
		try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
			dir.force(true);
		}
	}

}
