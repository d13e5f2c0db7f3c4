package io.strata.gateway.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Deep storage in a local directory (the single-machine default). A put writes a temporary
 * file next to the target, forces it to disk and renames it into place, then forces the
 * directory, so a crash leaves either the old object or the whole new one.
 */
public final class LocalDeepStorage implements DeepStorage {

	private static final String TEMP_SUFFIX = ".tmp";

	private final Path root;

	public LocalDeepStorage(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	public Path root() {
		return this.root;
	}

	@Override
	public void put(String key, Path file) throws IOException {
		Path target = resolve(key);
		Files.createDirectories(target.getParent());
		Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), TEMP_SUFFIX);
		try {
			Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
			commit(temp, target);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	@Override
	public void putBytes(String key, byte[] bytes) throws IOException {
		Path target = resolve(key);
		Files.createDirectories(target.getParent());
		Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), TEMP_SUFFIX);
		try {
			Files.write(temp, bytes);
			commit(temp, target);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	@Override
	public Optional<byte[]> readBytes(String key) throws IOException {
		try {
			return Optional.of(Files.readAllBytes(resolve(key)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
	}

	@Override
	public void download(String key, Path target) throws IOException {
		Files.copy(resolve(key), target, StandardCopyOption.REPLACE_EXISTING);
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(resolve(key));
	}

	@Override
	public List<String> list(String prefix) throws IOException {
		if (!Files.isDirectory(this.root)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(this.root)) {
			return files.filter(Files::isRegularFile)
				.map(path -> this.root.relativize(path).toString().replace('\\', '/'))
				.filter(key -> key.startsWith(prefix) && !key.endsWith(TEMP_SUFFIX))
				.sorted()
				.toList();
		}
	}

	@Override
	public String uriOf(String key) {
		return resolve(key).toUri().toString();
	}

	private Path resolve(String key) {
		Path path = this.root.resolve(key).normalize();
		if (!path.startsWith(this.root) || path.equals(this.root)) {
			throw new IllegalArgumentException("Key[" + key + "] is not inside deep storage " + this.root);
		}
		return path;
	}

	private static void commit(Path temp, Path target) throws IOException {
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
		// the rename itself is durable only once the directory is
		try (FileChannel directory = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
			directory.force(true);
		}
		catch (IOException ex) {
			// some file systems cannot open directories; the rename is then as durable as they make it
		}
	}

}
