package io.strata.node.task;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.node.deepstorage.DeepStorage;
import io.strata.node.metadata.PendingSegment;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.metadata.StreamOffsets;
import io.strata.node.publish.SegmentFile;
import io.strata.node.segment.DataSegment;

/**
 * What a running task gets from its worker (Druid's task toolbox). One per task attempt, used from
 * the task's thread; {@link #cancelled()} from any thread.
 */
public interface TaskContext {

	Task task();

	/** Time-chunk locks on the task's datasource, granted by the overlord leader. */
	TaskLocks locks();

	/**
	 * Publishes segment files (engine format) with their shard specs: pushes each to deep storage, then has the overlord
	 * insert all their descriptors in one transaction, which it does only when a lock this task
	 * still holds (not revoked) covers each segment's interval with a version at least the
	 * segment's (Druid's {@code segmentTransactionalInsert}). Segments of one (interval, version)
	 * form one complete block. On failure the pushed objects are deleted again.
	 * @return the published descriptors
	 */
	List<DataSegment> publish(List<SegmentFile> segmentFiles);

	/**
	 * Publishes like {@link #publish(List)}, and in the same metadata transaction commits the
	 * stream offsets the segments cover: only if the datasource's committed offsets still equal
	 * {@code start} on its partitions (so a replica or a zombie attempt cannot publish the same
	 * data twice), they become the committed ones plus {@code end}.
	 * @throws io.strata.engine.error.StrataException "Inconsistent metadata state" when the
	 *         committed offsets do not match; nothing is published then
	 */
	List<DataSegment> publish(List<SegmentFile> segmentFiles, StreamOffsets start, StreamOffsets end);

	DeepStorage deepStorage();

	/**
	 * Unused segments of the task's datasource lying inside {@code interval}, of the given
	 * versions (any when empty), at most {@code limit} (0: all), oldest interval first: Druid's
	 * {@code retrieveUnusedSegments} action, answered by the overlord leader.
	 */
	List<DataSegment> unusedSegments(Interval interval, List<String> versions, int limit);

	/**
	 * Deletes the metadata rows of unused segments (Druid's {@code segmentNuke}), which the overlord
	 * does only when a lock this task still holds covers each segment; a used segment among them
	 * refuses the whole call. Deep storage is the caller's to clean.
	 */
	void nuke(List<DataSegment> segments);

	/** The offsets the datasource's published segments cover (a streaming task checks its replica's publish). */
	Optional<StreamOffsets> committedOffsets();

	/** The segments table, for reading what exists (compaction, kill). */
	SegmentsMetadata segments();

	/** Replaces the task's reports, served as JSON at {@code /druid/indexer/v1/task/{id}/reports}. */
	void writeReports(Map<String, Object> reports);

	/** Appends a line to the task log served at {@code /druid/indexer/v1/task/{id}/log}. */
	void log(String format, Object... args);

	/** A directory of the task's own, for temporary files; deleted after the task ends. */
	Path workDirectory();

	/**
	 * Druid's {@code segmentAllocate} for an appending (streaming) task: a shared lock on the
	 * interval and the id the sequence builds there, the same for every task of that sequence.
	 */
	PendingSegment allocate(Interval interval, String sequenceName);

	/**
	 * Serves a segment the task is still building: announced to brokers (under the worker's live
	 * segments in ZooKeeper) and answered from {@code rows} until the returned handle is closed,
	 * which unannounces it and waits for the queries reading it.
	 */
	AutoCloseable serveLive(DataSegment descriptor, Supplier<List<Segment>> rows);

	/** Whether every one of these segments is served by a historical (handoff is complete). */
	boolean servedByHistoricals(Collection<SegmentId> segments);

	/** Answers the task's supervisor at {@code /druid/worker/v1/chat/{taskId}/...} while the task runs. */
	void chat(TaskChat handler);

	/**
	 * A directory of this worker that outlives the task attempt (named by the caller, e.g. a
	 * stream sequence), so that a later attempt on this worker can restore what was persisted.
	 */
	Path persistentDirectory(String name);

	/** Whether the task was asked to stop (a shutdown request): it should end soon. */
	boolean cancelled();

}
