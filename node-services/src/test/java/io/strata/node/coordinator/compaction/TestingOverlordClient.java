package io.strata.node.coordinator.compaction;

import java.util.ArrayList;
import java.util.List;

/** A hand-written {@link OverlordClient}: set active tasks and capacity, read what was submitted. */
public final class TestingOverlordClient implements OverlordClient {

	private final List<ActiveCompaction> active = new ArrayList<>();

	private final List<String> submitted = new ArrayList<>();

	private int capacity;

	private int calls;

	public TestingOverlordClient(int capacity) {
		this.capacity = capacity;
	}

	public TestingOverlordClient withActive(ActiveCompaction task) {
		this.active.add(task);
		return this;
	}

	public void setCapacity(int capacity) {
		this.capacity = capacity;
	}

	@Override
	public synchronized List<ActiveCompaction> activeCompactions() {
		this.calls++;
		return List.copyOf(this.active);
	}

	@Override
	public synchronized int totalWorkerCapacity() {
		this.calls++;
		return this.capacity;
	}

	@Override
	public synchronized void submit(String taskJson) {
		this.calls++;
		this.submitted.add(taskJson);
	}

	public synchronized List<String> submitted() {
		return List.copyOf(this.submitted);
	}

	public synchronized int calls() {
		return this.calls;
	}

}
