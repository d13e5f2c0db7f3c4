package io.strata.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.strata.engine.error.StrataException;

/** Whole directory trees on the local file system. */
public final class FileTrees {

	private FileTrees() {
	}

	/**
	 * Deletes {@code root} and everything below it, deepest first; nothing when it does not exist.
	 * @param what names the tree in the error, e.g. {@code "the work directory of task[x]"}
	 * @throws StrataException I/O naming {@code what} when a file cannot be deleted
	 */
	public static void delete(Path root, String what) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Cannot delete %s", what);
		}
	}

}
