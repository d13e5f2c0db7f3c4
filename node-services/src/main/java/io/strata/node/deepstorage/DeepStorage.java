package io.strata.node.deepstorage;

import java.nio.file.Path;

import io.strata.engine.segment.SegmentId;

/**
 * Where every published segment lives for good: the cluster can be rebuilt from deep storage
 * plus the metadata store. A segment is one object (the engine's segment file as is). The load
 * spec returned by {@link #push} is stored in the segment's metadata payload; historicals hand
 * it back to {@link #pull}. Implementations are thread-safe.
 */
public interface DeepStorage {

	/**
	 * Copies {@code segmentFile} to deep storage under a key derived from {@code id}, replacing
	 * whatever a failed earlier push left there.
	 * @return where it went, as the load spec to record in the segment's payload
	 * @throws io.strata.engine.error.StrataException when the copy fails, naming the segment
	 */
	LoadSpec push(SegmentId id, Path segmentFile);

	/**
	 * Copies the object {@code loadSpec} names to {@code target} (a file path; parent directories
	 * exist). The copy is complete when this returns: a partial download never stays at target.
	 */
	void pull(LoadSpec loadSpec, Path target);

	/** Deletes the object; deleting one that does not exist is not an error (kill is retried). */
	void delete(LoadSpec loadSpec);

	/** Whether this storage can pull the given load spec (a local storage cannot read S3 specs). */
	boolean handles(LoadSpec loadSpec);

}
