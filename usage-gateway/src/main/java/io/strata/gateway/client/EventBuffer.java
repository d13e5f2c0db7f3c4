package io.strata.gateway.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded buffer between the threads that report records and the sender threads, and the
 * book-keeping that lets {@link #flush()} know when everything reported before it has left.
 *
 * <p>
 * Every record offered gets the next sequence number. Records leave the ring in order, in
 * batches, so a batch is a run of consecutive numbers and "every record up to n is done" holds
 * once no record numbered n or less is still in the ring or in a batch not yet
 * {@linkplain #complete completed}.
 *
 * <p>
 * Threading: one lock guards everything. {@link #offer} holds it for a few stores and never waits,
 * so a reporting thread is never held up by the senders; {@link #take} waits on it (lock
 * released) for a batch to fill or linger out. Flush futures are completed after the lock is
 * released, so their continuations never run under it.
 */
final class EventBuffer {

	private final ReentrantLock lock = new ReentrantLock();

	/** Signalled when a sender may have something to do: a first record, a full batch, a flush, close. */
	private final Condition work = this.lock.newCondition();

	private final UsageRecord[] ring;

	private final long[] arrivalNanos;

	private final int batchSize;

	private int head;

	private int size;

	/** The number the next record offered will get; the head's is {@code nextSequence - size}. */
	private long nextSequence;

	/** First sequence numbers of the batches taken and not yet completed. */
	private final TreeSet<Long> inFlight = new TreeSet<>();

	/** Waiting flushes; their targets never decrease, as sequence numbers only grow. */
	private final ArrayDeque<PendingFlush> flushes = new ArrayDeque<>();

	/** Records numbered up to this are wanted now by a flush: no lingering for them. */
	private long flushUpTo = -1;

	private boolean closed;

	EventBuffer(int capacity, int batchSize) {
		this.ring = new UsageRecord[capacity];
		this.arrivalNanos = new long[capacity];
		this.batchSize = batchSize;
	}

	/** Adds a record unless the buffer is full or closed; never waits. */
	boolean offer(UsageRecord record, long nowNanos) {
		this.lock.lock();
		try {
			if (this.closed || this.size == this.ring.length) {
				return false;
			}
			int tail = (this.head + this.size) % this.ring.length;
			this.ring[tail] = record;
			this.arrivalNanos[tail] = nowNanos;
			this.size++;
			this.nextSequence++;
			// a sender waits for a first record, or lingers until a batch is full: wake one then only
			if (this.size == 1 || this.size % this.batchSize == 0) {
				this.work.signal();
			}
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Records in the ring, not yet taken by a sender. */
	int size() {
		this.lock.lock();
		try {
			return this.size;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Waits for the next batch: up to {@code batchSize} records, taken when that many are there,
	 * when the oldest has waited {@code lingerNanos}, when a flush wants them, or when the buffer
	 * is closed. Empty once the buffer is closed and drained: the sender's signal to stop. The
	 * batch must be {@linkplain #complete completed} however its sending ends.
	 */
	Optional<Batch> take(long lingerNanos) throws InterruptedException {
		this.lock.lock();
		try {
			while (true) {
				if (this.size == 0) {
					if (this.closed) {
						return Optional.empty();
					}
					this.work.await();
					continue;
				}
				long headSequence = this.nextSequence - this.size;
				if (this.size >= this.batchSize || this.closed || this.flushUpTo >= headSequence) {
					break;
				}
				long wait = this.arrivalNanos[this.head] + lingerNanos - System.nanoTime();
				if (wait <= 0) {
					break;
				}
				this.work.awaitNanos(wait);
			}
			int count = Math.min(this.size, this.batchSize);
			long first = this.nextSequence - this.size;
			List<UsageRecord> events = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				events.add(this.ring[this.head]);
				this.ring[this.head] = null;
				this.head = (this.head + 1) % this.ring.length;
			}
			this.size -= count;
			this.inFlight.add(first);
			if (this.size >= this.batchSize) {
				// another full batch is waiting: let another sender have it
				this.work.signal();
			}
			return Optional.of(new Batch(first, events));
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The batch has left for good (sent, refused or failed): flushes waiting on it may complete. */
	void complete(Batch batch) {
		List<CompletableFuture<Void>> done = new ArrayList<>();
		this.lock.lock();
		try {
			this.inFlight.remove(batch.firstSequence());
			long lowest = lowestPending();
			while (!this.flushes.isEmpty() && this.flushes.peekFirst().target() < lowest) {
				done.add(this.flushes.pollFirst().future());
			}
		}
		finally {
			this.lock.unlock();
		}
		done.forEach(future -> future.complete(null));
	}

	/** Completes once every record offered before the call has left (sent, refused or failed). */
	CompletableFuture<Void> flush() {
		this.lock.lock();
		try {
			long target = this.nextSequence - 1;
			if (lowestPending() > target) {
				return CompletableFuture.completedFuture(null);
			}
			CompletableFuture<Void> future = new CompletableFuture<>();
			this.flushes.addLast(new PendingFlush(target, future));
			this.flushUpTo = Math.max(this.flushUpTo, target);
			this.work.signalAll();
			return future;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Refuses new records from now on; the senders take what is left without lingering, then stop. */
	void close() {
		this.lock.lock();
		try {
			this.closed = true;
			this.work.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * After the senders have stopped: removes and returns what they left in the ring, to be
	 * reported failed before {@link #releaseFlushes()}.
	 */
	List<UsageRecord> abandon() {
		List<UsageRecord> left = new ArrayList<>();
		this.lock.lock();
		try {
			this.closed = true;
			while (this.size > 0) {
				left.add(this.ring[this.head]);
				this.ring[this.head] = null;
				this.head = (this.head + 1) % this.ring.length;
				this.size--;
			}
			this.inFlight.clear();
		}
		finally {
			this.lock.unlock();
		}
		return left;
	}

	/** Completes every waiting flush: after close, when nothing more will leave. */
	void releaseFlushes() {
		List<CompletableFuture<Void>> done = new ArrayList<>();
		this.lock.lock();
		try {
			this.flushes.forEach(flush -> done.add(flush.future()));
			this.flushes.clear();
		}
		finally {
			this.lock.unlock();
		}
		done.forEach(future -> future.complete(null));
	}

	/** The lowest sequence number not yet done; call with the lock held. */
	private long lowestPending() {
		long lowest = this.nextSequence - this.size;
		if (!this.inFlight.isEmpty()) {
			lowest = Math.min(lowest, this.inFlight.first());
		}
		return lowest;
	}

	private record PendingFlush(long target, CompletableFuture<Void> future) {

	}

}
