package io.strata.engine.input.source;

import io.strata.engine.error.StrataException;
import io.strata.engine.input.InputEntity;
import io.strata.engine.input.InputSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code {"type":"local","baseDir":"/data","filter":"*.json"}} and/or {@code "files":[...]}: files
 * on the worker's disk. {@code baseDir} is walked recursively and each regular file whose name
 * matches the {@code filter} glob is read; the listed {@code files} come first, then the walked
 * ones sorted by path.
 * @param baseDir the directory to walk, or null when only {@code files} are read
 * @param filter a glob on file names ({@code *}, {@code ?}); required with {@code baseDir}
 */
public record LocalInputSource(Path baseDir, String filter, List<Path> files) implements InputSource {

	public LocalInputSource {
		files = List.copyOf(files);
		if (baseDir == null && files.isEmpty()) {
			throw new IllegalArgumentException("either baseDir with filter or files is required");
		}
		if (baseDir != null) {
			Objects.requireNonNull(filter, "filter is required with baseDir");
		}
	}

	@Override
	public String typeName() {
		return "local";
	}

	@Override
	public List<InputEntity> entities() {
		List<InputEntity> entities = new ArrayList<>();
		for (Path file : this.files) {
			entities.add(new LocalFile(file));
		}
		if (this.baseDir != null) {
			if (!Files.isDirectory(this.baseDir)) {
				throw StrataException.invalidInput("Input baseDir[%s] is not a directory", this.baseDir);
			}
			PathMatcher matcher = this.baseDir.getFileSystem().getPathMatcher("glob:" + this.filter);
			try (Stream<Path> walk = Files.walk(this.baseDir)) {
				walk.filter(Files::isRegularFile)
					.filter(path -> matcher.matches(path.getFileName()))
					.sorted()
					.forEach(path -> entities.add(new LocalFile(path)));
			}
			catch (IOException ex) {
				throw StrataException.io(ex, "Listing input baseDir[%s] failed", this.baseDir);
			}
		}
		return entities;
	}

	/** One local file; fetching it hands out the file itself. */
	record LocalFile(Path path) implements InputEntity {

		@Override
		public String name() {
			return this.path.toString();
		}

		@Override
		public InputStream open() {
			try {
				return Decompression.wrap(name(), Files.newInputStream(this.path));
			}
			catch (IOException ex) {
				throw StrataException.io(ex, "Opening input file[%s] failed", this.path);
			}
		}

		@Override
		public FetchedFile fetch(Path temporaryDirectory) {
			if (name().endsWith(".gz")) {
				return InputEntity.super.fetch(temporaryDirectory);
			}
			return new FetchedFile(this.path, false);
		}

	}

}
