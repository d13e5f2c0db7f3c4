package io.strata.node.task;

/** Druid's time-chunk lock types: EXCLUSIVE for overwriting a time chunk, SHARED for appending. */
public enum LockType {

	EXCLUSIVE, SHARED

}
