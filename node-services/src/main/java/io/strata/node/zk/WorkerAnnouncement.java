package io.strata.node.zk;

import java.util.Objects;

/**
 * What a worker (middleManager/indexer) announces under {@code indexer/announcements}: Druid's
 * {@code Worker}. An empty version marks a disabled worker, which gets no new tasks.
 * @param hostAndPort the worker's id in every znode path ({@code host} on the wire, as Druid)
 */
public record WorkerAnnouncement(String hostAndPort, String ip, int capacity, String version, String category) {

	public WorkerAnnouncement {
		Objects.requireNonNull(hostAndPort, "hostAndPort");
		Objects.requireNonNull(ip, "ip");
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(category, "category");
		if (capacity < 0) {
			throw new IllegalArgumentException("capacity must not be negative: " + capacity);
		}
	}

	public boolean enabled() {
		return !this.version.isEmpty();
	}

	public WorkerAnnouncement withVersion(String newVersion) {
		return new WorkerAnnouncement(this.hostAndPort, this.ip, this.capacity, newVersion, this.category);
	}

}
