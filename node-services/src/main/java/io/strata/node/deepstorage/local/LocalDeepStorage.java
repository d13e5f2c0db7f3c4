package io.strata.node.deepstorage.local;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;
import io.strata.node.deepstorage.AtomicFileWrite;
import io.strata.node.deepstorage.DeepStorage;
import io.strata.node.deepstorage.LoadSpec;
import io.strata.node.deepstorage.SegmentObjectPath;

/**
 * Deep storage under a root directory, one file per segment at
 * {@code <root>/<dataSource>/<start>_<end>/<version>/<partitionNum>/segment.strata} (see
 * {@link SegmentObjectPath}). Pushes and pulls go through {@link AtomicFileWrite}, so a reader
 * never sees a half-written object under its final name.
 * <p>
 * Thread-safe, also across processes sharing the root: the only shared state is the directory
 * tree, and the one race (a delete pruning a directory that a push has just created) is retried.
 */
public final class LocalDeepStorage implements DeepStorage {

	/** A push whose directory keeps vanishing under concurrent deletes gives up after this many tries. */
	private static final int PUSH_ATTEMPTS = 5;

	private final Path root;

	public LocalDeepStorage(Path root) {
		this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
	}

	public Path root() {
		return this.root;
	}

	/** Where {@link #push} puts the segment {@code id}. */
	public Path pathOf(SegmentId id) {
		return this.root.resolve(SegmentObjectPath.of(id));
	}

	@Override
	public LoadSpec push(SegmentId id, Path segmentFile) {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(segmentFile, "segmentFile");
		if (!Files.isRegularFile(segmentFile)) {
			throw StrataException.invalidInput("Segment[%s] cannot be pushed: file[%s] does not exist", id,
					segmentFile);
		}
		Path target = pathOf(id);
		for (int attempt = 1;; attempt++) {
			try {
				Files.createDirectories(target.getParent());
				AtomicFileWrite.write(target, AtomicFileWrite.copyOf(segmentFile));
				return new LoadSpec.Local(target.toString());
			}
			catch (NoSuchFileException ex) {
				// a delete of a neighbouring segment pruned our fresh (still empty) directory; make it again
				if (attempt == PUSH_ATTEMPTS || !Files.isRegularFile(segmentFile)) {
					throw pushFailed(id, target, ex);
				}
			}
			catch (IOException ex) {
				throw pushFailed(id, target, ex);
			}
		}
	}

	@Override
	public void pull(LoadSpec loadSpec, Path target) {
		Path source = fileOf(loadSpec);
		Objects.requireNonNull(target, "target");
		if (!Files.isRegularFile(source)) {
			throw new StrataException(ErrorCode.SEGMENT_NOT_FOUND,
					String.format("Object[%s] not found in local deep storage", source));
		}
		try {
			AtomicFileWrite.write(target, AtomicFileWrite.copyOf(source));
		}
		catch (NoSuchFileException ex) {
			// the object went away between the check and the copy (a concurrent kill)
			if (!Files.exists(source)) {
				throw new StrataException(ErrorCode.SEGMENT_NOT_FOUND,
						String.format("Object[%s] not found in local deep storage", source), ex);
			}
			throw StrataException.io(ex, "Cannot pull object[%s] to file[%s]", source, target);
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Cannot pull object[%s] to file[%s]", source, target);
		}
	}

	/**
	 * Deletes the object, then each parent directory that is left empty, stopping at the root (a
	 * path outside the root, written by a storage with another root, only loses its file).
	 */
	@Override
	public void delete(LoadSpec loadSpec) {
		Path file = fileOf(loadSpec);
		try {
			Files.deleteIfExists(file);
			for (Path directory = file.getParent(); directory != null && directory.startsWith(this.root)
					&& !directory.equals(this.root); directory = directory.getParent()) {
				if (!deleteIfEmpty(directory)) {
					break;
				}
			}
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Cannot delete object[%s] from local deep storage", file);
		}
	}

	@Override
	public boolean handles(LoadSpec loadSpec) {
		return loadSpec instanceof LoadSpec.Local;
	}

	private static Path fileOf(LoadSpec loadSpec) {
		Objects.requireNonNull(loadSpec, "loadSpec");
		if (!(loadSpec instanceof LoadSpec.Local local)) {
			throw StrataException.unsupported("LoadSpec[%s] is not a local load spec", loadSpec);
		}
		return Path.of(local.path()).toAbsolutePath().normalize();
	}

	/** @return whether the directory is gone (deleted now or already missing) */
	private static boolean deleteIfEmpty(Path directory) throws IOException {
		try {
			Files.deleteIfExists(directory);
			return true;
		}
		catch (DirectoryNotEmptyException ex) {
			return false;
		}
	}

	private static StrataException pushFailed(SegmentId id, Path target, IOException cause) {
		return StrataException.io(cause, "Cannot push segment[%s] to file[%s]", id, target);
	}

}
