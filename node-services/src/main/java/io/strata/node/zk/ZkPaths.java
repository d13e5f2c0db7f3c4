package io.strata.node.zk;

import java.util.Objects;

/** Where each kind of znode lives under the base path. */
public record ZkPaths(String basePath) {

	public ZkPaths {
		Objects.requireNonNull(basePath, "basePath");
		if (!basePath.startsWith("/") || (basePath.length() > 1 && basePath.endsWith("/"))) {
			throw new IllegalArgumentException("basePath must start and must not end with '/': " + basePath);
		}
	}

	public String announcements() {
		return under("announcements");
	}

	public String announcement(String hostAndPort) {
		return announcements() + "/" + hostAndPort;
	}

	public String servedSegments() {
		return under("segments");
	}

	public String servedSegments(String hostAndPort) {
		return servedSegments() + "/" + hostAndPort;
	}

	public String servedSegment(String hostAndPort, String segmentId) {
		return servedSegments(hostAndPort) + "/" + segmentId;
	}

	/** Segments streaming tasks build and serve before handoff, by worker: kept apart from historicals' so that one process may run both. */
	public String liveSegments() {
		return under("liveSegments");
	}

	public String liveSegment(String hostAndPort, String segmentId) {
		return liveSegments() + "/" + hostAndPort + "/" + segmentId;
	}

	public String loadQueues() {
		return under("loadQueue");
	}

	public String loadQueue(String hostAndPort) {
		return loadQueues() + "/" + hostAndPort;
	}

	public String loadRequest(String hostAndPort, String segmentId) {
		return loadQueue(hostAndPort) + "/" + segmentId;
	}

	public String coordinatorLeader() {
		return under("coordinator/_COORDINATOR");
	}

	public String overlordLeader() {
		return under("overlord/_OVERLORD");
	}

	/** Workers (middleManagers/indexers) announce themselves here, as Druid's {@code indexer/announcements}. */
	public String workerAnnouncements() {
		return under("indexer/announcements");
	}

	public String workerAnnouncement(String worker) {
		return workerAnnouncements() + "/" + worker;
	}

	/** The overlord's task assignments, one child per worker. */
	public String taskAssignments() {
		return under("indexer/tasks");
	}

	public String taskAssignments(String worker) {
		return taskAssignments() + "/" + worker;
	}

	public String taskAssignment(String worker, String taskId) {
		return taskAssignments(worker) + "/" + taskId;
	}

	/** The workers' task statuses, one child per worker. */
	public String taskStatuses() {
		return under("indexer/status");
	}

	public String taskStatuses(String worker) {
		return taskStatuses() + "/" + worker;
	}

	public String taskStatus(String worker, String taskId) {
		return taskStatuses(worker) + "/" + taskId;
	}

	/** A path below the base; under the root itself the separator is not doubled ({@code //x} is no znode path). */
	private String under(String relative) {
		return (this.basePath.equals("/") ? "" : this.basePath) + "/" + relative;
	}

	/** The last path element: a host:port under announcements, a segment id under a queue. */
	public static String lastElement(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

}
