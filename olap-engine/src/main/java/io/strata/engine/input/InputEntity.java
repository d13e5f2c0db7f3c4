package io.strata.engine.input;

import io.strata.engine.error.StrataException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One unit of input of a batch ingestion (Druid's {@code InputEntity}): a file, an inline string,
 * an HTTP object. It is also the unit of work a parallel task hands to one worker. Implementations
 * are immutable and may be opened more than once (a first pass may count rows before the real one).
 */
public interface InputEntity {

	/** Names the entity in errors and reports: a file path or a URI, never a secret. */
	String name();

	/**
	 * Opens the entity's bytes, decompressed when its name ends in {@code .gz}. The caller closes
	 * the stream.
	 * @throws StrataException IO_FAILURE naming the entity when it cannot be opened
	 */
	InputStream open();

	/**
	 * A local file holding the entity's bytes, for formats that need random access (Parquet). The
	 * default copies {@link #open()} into {@code temporaryDirectory}; a local file returns itself.
	 * Closing the result deletes a copy, never the original.
	 */
	default FetchedFile fetch(Path temporaryDirectory) {
		try {
			Files.createDirectories(temporaryDirectory);
			Path copy = Files.createTempFile(temporaryDirectory, "input-", ".part");
			try (InputStream in = open()) {
				Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
			}
			return new FetchedFile(copy, true);
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Fetching input[%s] into a local file failed", name());
		}
	}

	/**
	 * A local copy (or the original file) of an entity.
	 * @param temporary whether closing deletes it
	 */
	record FetchedFile(Path path, boolean temporary) implements AutoCloseable {

		@Override
		public void close() {
			if (!this.temporary) {
				return;
			}
			try {
				Files.deleteIfExists(this.path);
			}
			catch (IOException ex) {
				throw StrataException.io(ex, "Deleting the fetched copy[%s] failed", this.path);
			}
		}

	}

}
