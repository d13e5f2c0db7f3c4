package io.strata.node.indexer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import io.strata.engine.error.StrataException;
import io.strata.engine.io.FileTrees;
import io.strata.engine.time.IsoTime;

/**
 * A worker's files per task under {@code <base-dir>/tasks/<id>/}: {@code log}, {@code reports.json}
 * and the {@code work/} directory, which goes when the task ends; log and reports stay to be
 * served. Thread-safe: each log line is one append.
 */
final class TaskFiles {

	private final Path root;

	TaskFiles(Path root) {
		this.root = root;
	}

	private Path directory(String taskId) {
		return this.root.resolve(taskId);
	}

	Path workDirectory(String taskId) {
		Path work = directory(taskId).resolve("work");
		try {
			Files.createDirectories(work);
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Cannot create the work directory of task[%s]", taskId);
		}
		return work;
	}

	/** {@code <root>/persistent/<name>}, created; it outlives task attempts (see TaskContext#persistentDirectory). */
	Path persistentDirectory(String name) {
		if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
			throw StrataException.invalidInput("Directory name[%s] is not a plain name", name);
		}
		Path directory = this.root.resolve("persistent").resolve(name);
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Creating directory[%s] failed", directory);
		}
		return directory;
	}

	void appendLog(String taskId, String line) {
		Path log = directory(taskId).resolve("log");
		try {
			Files.createDirectories(log.getParent());
			Files.writeString(log, IsoTime.format(System.currentTimeMillis()) + " " + line + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Cannot write the log of task[%s]", taskId);
		}
	}

	void writeReports(String taskId, String json) {
		Path reports = directory(taskId).resolve("reports.json");
		try {
			Files.createDirectories(reports.getParent());
			Path partial = reports.resolveSibling("reports.json.partial");
			Files.writeString(partial, json, StandardCharsets.UTF_8);
			Files.move(partial, reports, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Cannot write the reports of task[%s]", taskId);
		}
	}

	Optional<String> log(String taskId) {
		return read(directory(taskId).resolve("log"));
	}

	Optional<String> reports(String taskId) {
		return read(directory(taskId).resolve("reports.json"));
	}

	private static Optional<String> read(Path file) {
		try {
			return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Cannot read[%s]", file);
		}
	}

	void deleteWorkDirectory(String taskId) {
		FileTrees.delete(directory(taskId).resolve("work"), "the work directory of task[" + taskId + "]");
	}

}
