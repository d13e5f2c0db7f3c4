package io.strata.node.historical;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.strata.engine.error.StrataException;
import io.strata.engine.io.FileTrees;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.DataSegmentJson;

/**
 * The historical's segment cache on local disk: {@code <dir>/<segmentId>/segment.strata} with
 * its descriptor beside it ({@code descriptor.json}, written last, so a directory without one is
 * a download that never finished and is cleaned away on start). Bounded by {@code maxBytes}: a
 * load that would pass it is refused. Thread-safe (the byte count is guarded by this).
 */
public final class SegmentCacheDirectory {

	static final String SEGMENT_FILE = "segment.strata";

	static final String DESCRIPTOR_FILE = "descriptor.json";

	private final Path directory;

	private final long maxBytes;

	private final DataSegmentJson json = new DataSegmentJson();

	private long usedBytes;

	public SegmentCacheDirectory(Path directory, long maxBytes) {
		this.directory = directory;
		this.maxBytes = maxBytes;
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Cannot create segment cache directory[%s]", directory);
		}
	}

	/** The descriptors of every complete segment in the cache; incomplete downloads are deleted. */
	public synchronized List<DataSegment> cachedSegments() {
		List<DataSegment> segments = new ArrayList<>();
		this.usedBytes = 0;
		try (Stream<Path> entries = Files.list(this.directory)) {
			for (Path entry : entries.sorted().toList()) {
				Path descriptor = entry.resolve(DESCRIPTOR_FILE);
				if (Files.isRegularFile(descriptor) && Files.isRegularFile(entry.resolve(SEGMENT_FILE))) {
					DataSegment segment = this.json.read(Files.readString(descriptor));
					segments.add(segment);
					// the declared size, as reserve and remove count it, so that the two always balance
					this.usedBytes += segment.size();
				}
				else {
					deleteTree(entry);
				}
			}
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Cannot read segment cache directory[%s]", this.directory);
		}
		return segments;
	}

	public Path segmentFile(DataSegment segment) {
		return this.directory.resolve(segment.id().toString()).resolve(SEGMENT_FILE);
	}

	public synchronized boolean contains(DataSegment segment) {
		return Files.isRegularFile(segmentDirectory(segment).resolve(DESCRIPTOR_FILE));
	}

	/**
	 * Makes room for a download: reserves the segment's size and returns the path to pull to.
	 * @throws StrataException INDEX_FULL-like capacity error when the cache would pass its maximum
	 */
	public synchronized Path reserve(DataSegment segment) {
		if (this.usedBytes + segment.size() > this.maxBytes) {
			throw new StrataException(io.strata.engine.error.ErrorCode.INDEX_FULL,
					String.format(java.util.Locale.ROOT,
							"Segment cache[%s] cannot take segment[%s] of [%,d] bytes: [%,d] of [%,d] used",
							this.directory, segment.id(), segment.size(), this.usedBytes, this.maxBytes));
		}
		this.usedBytes += segment.size();
		try {
			Files.createDirectories(segmentDirectory(segment));
		}
		catch (IOException ex) {
			this.usedBytes -= segment.size();
			throw StrataException.io(ex, "Cannot create cache entry for segment[%s]", segment.id());
		}
		return segmentFile(segment);
	}

	/** Marks a downloaded segment complete by writing its descriptor (atomically). */
	public void commit(DataSegment segment) {
		Path descriptor = segmentDirectory(segment).resolve(DESCRIPTOR_FILE);
		Path temporary = segmentDirectory(segment).resolve(DESCRIPTOR_FILE + ".tmp");
		try {
			Files.writeString(temporary, this.json.toJson(segment));
			Files.move(temporary, descriptor, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Cannot write the descriptor of segment[%s]", segment.id());
		}
	}

	/** Removes the segment's files and gives its bytes back. */
	public synchronized void remove(DataSegment segment) {
		Path entry = segmentDirectory(segment);
		if (Files.exists(entry)) {
			this.usedBytes = Math.max(0, this.usedBytes - segment.size());
			deleteTree(entry);
		}
	}

	public synchronized long usedBytes() {
		return this.usedBytes;
	}

	public long maxBytes() {
		return this.maxBytes;
	}

	private Path segmentDirectory(DataSegment segment) {
		return this.directory.resolve(segment.id().toString());
	}

	private static void deleteTree(Path root) {
		FileTrees.delete(root, "[" + root + "] from the segment cache");
	}

}
