package io.strata.node.task.kafka;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a reading task shares with its supervisor's requests (web threads): its status, the
 * offsets it has read up to, the end offsets, and the pause handshake. Thread-safe (monitor).
 */
final class ReadingState {

	/** Druid's {@code SeekableStreamIndexTaskRunner.Status} values this task goes through. */
	enum Status {

		NOT_STARTED, STARTING, READING, PAUSED, PUBLISHING

	}

	private Status status = Status.NOT_STARTED;

	private final TreeMap<Integer, Long> current = new TreeMap<>();

	private final TreeMap<Integer, Long> end = new TreeMap<>();

	private boolean pauseRequested;

	private boolean checkpointRequested;

	private final long startMillis = System.currentTimeMillis();

	ReadingState(Map<Integer, Long> start, Map<Integer, Long> end) {
		this.current.putAll(start);
		this.end.putAll(end);
	}

	synchronized Status status() {
		return this.status;
	}

	synchronized void status(Status status) {
		this.status = status;
		notifyAll();
	}

	synchronized Map<Integer, Long> current() {
		return new TreeMap<>(this.current);
	}

	synchronized void advance(int partition, long next) {
		this.current.merge(partition, next, Math::max);
	}

	synchronized Map<Integer, Long> end() {
		return new TreeMap<>(this.end);
	}

	/** Whether every partition has been read up to its end offset. */
	synchronized boolean reachedEnd() {
		for (Map.Entry<Integer, Long> entry : this.end.entrySet()) {
			if (this.current.getOrDefault(entry.getKey(), 0L) < entry.getValue()) {
				return false;
			}
		}
		return true;
	}

	/** The task asks its supervisor to end the group now (a segment reached its row limit). */
	synchronized void requestCheckpoint() {
		this.checkpointRequested = true;
	}

	synchronized boolean checkpointRequested() {
		return this.checkpointRequested;
	}

	long startMillis() {
		return this.startMillis;
	}

	/**
	 * Asks the reading thread to pause and waits until it has (or has stopped reading anyway);
	 * returns the offsets it stopped at.
	 */
	synchronized Map<Integer, Long> pause(long timeoutMillis) throws InterruptedException {
		if (this.status == Status.READING || this.status == Status.STARTING || this.status == Status.NOT_STARTED) {
			this.pauseRequested = true;
			long deadline = System.currentTimeMillis() + timeoutMillis;
			while (this.status != Status.PAUSED && this.status != Status.PUBLISHING) {
				long left = deadline - System.currentTimeMillis();
				if (left <= 0) {
					this.pauseRequested = false;
					throw new IllegalStateException("the task did not pause within " + timeoutMillis + " ms");
				}
				wait(left);
			}
		}
		return current();
	}

	synchronized void resume() {
		this.pauseRequested = false;
		notifyAll();
	}

	/**
	 * Sets the end offsets of a paused task (each at least what was read, else refused) and
	 * resumes reading; the task then finishes once it has read up to them.
	 * @throws IllegalArgumentException naming a partition whose end is behind what was read or unknown
	 */
	synchronized void setEnd(Map<Integer, Long> offsets) {
		if (this.status == Status.PUBLISHING) {
			throw new IllegalArgumentException("the task is publishing already; its end offsets are fixed");
		}
		if (this.status != Status.PAUSED) {
			// the reading thread works with the end offsets of its current poll: only a paused one takes new ones
			throw new IllegalArgumentException("the task is " + this.status + ", not PAUSED: pause it first");
		}
		for (Map.Entry<Integer, Long> entry : offsets.entrySet()) {
			if (!this.end.containsKey(entry.getKey())) {
				throw new IllegalArgumentException("partition " + entry.getKey() + " is not read by this task");
			}
			if (entry.getValue() < this.current.getOrDefault(entry.getKey(), 0L)) {
				throw new IllegalArgumentException("end offset " + entry.getValue() + " of partition " + entry.getKey()
						+ " is behind the offset read already, " + this.current.get(entry.getKey()));
			}
		}
		this.end.putAll(offsets);
		resume();
	}

	/**
	 * Called by the reading thread between polls: blocks while a pause is requested (status
	 * PAUSED), until resumed or {@code stop} says so.
	 */
	synchronized void pauseIfRequested(java.util.function.BooleanSupplier stop) throws InterruptedException {
		if (!this.pauseRequested) {
			return;
		}
		Status before = this.status;
		this.status = Status.PAUSED;
		notifyAll();
		while (this.pauseRequested && !stop.getAsBoolean()) {
			wait(200);
		}
		this.status = before;
		notifyAll();
	}

}
