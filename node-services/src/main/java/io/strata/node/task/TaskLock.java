package io.strata.node.task;

import java.util.Objects;

import io.strata.engine.time.Interval;

/**
 * A granted time-chunk lock, Druid's {@code TimeChunkLock}: tasks of one group may share an
 * exclusive lock; {@code version} is the ISO time it was granted, made greater than every
 * existing segment version of its datasource and interval.
 * @param revoked a higher-priority task took the interval: publishing under it fails
 */
public record TaskLock(LockType type, String groupId, String dataSource, Interval interval, String version,
		int priority, boolean revoked) {

	public TaskLock {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(groupId, "groupId");
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(interval, "interval");
		Objects.requireNonNull(version, "version");
	}

	public TaskLock revoke() {
		return new TaskLock(this.type, this.groupId, this.dataSource, this.interval, this.version, this.priority, true);
	}

}
