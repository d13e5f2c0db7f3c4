package io.strata.node.query;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;

/**
 * A fixed pool that runs queued work highest priority first and, within one priority, in the
 * order it was submitted: the broker's processing pool, fed with each query's context priority
 * (Druid's prioritized executor). Priority only orders the queue; a running task is never
 * preempted, and under steady high-priority load low-priority work waits, as in Druid.
 *
 * <p>
 * Threading model: {@code threads} daemon platform threads, all started up front, take tasks from
 * one unbounded priority queue. {@link #submit} is thread-safe and never blocks; the queue is not
 * bounded here because {@link QueryScheduler} already bounds how many queries submit work.
 */
public final class PriorityExecutor implements AutoCloseable {

	private static final Comparator<Runnable> QUEUE_ORDER = (left, right) -> ((Task<?>) left)
		.compareTo((Task<?>) right);

	private final ThreadPoolExecutor pool;

	/** Submission order, the tie-breaker within a priority. */
	private final AtomicLong sequence = new AtomicLong();

	public PriorityExecutor(int threads) {
		this(threads, "strata-processing-");
	}

	public PriorityExecutor(int threads, String threadNamePrefix) {
		Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
		if (threads < 1) {
			throw StrataException.invalidSpec("Processing threads[%s] must be at least 1", threads);
		}
		this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
				new PriorityBlockingQueue<>(16, QUEUE_ORDER),
				Thread.ofPlatform().name(threadNamePrefix, 0).daemon(true).factory());
		// with every thread started, each task goes through the queue, so the order holds from the first
		this.pool.prestartAllCoreThreads();
	}

	/**
	 * Queues {@code work} at {@code priority} (higher runs first).
	 * @throws StrataException when the executor has been shut down
	 */
	public <T> Future<T> submit(int priority, Callable<T> work) {
		Objects.requireNonNull(work, "work");
		Task<T> task = new Task<>(work, priority, this.sequence.getAndIncrement());
		try {
			this.pool.execute(task);
		}
		catch (RejectedExecutionException ex) {
			throw new StrataException(ErrorCode.ILLEGAL_STATE, "Processing pool is shut down", ex);
		}
		return task;
	}

	/** Tasks waiting for a thread (for metrics). */
	public int queued() {
		return this.pool.getQueue().size();
	}

	/** Takes no new work; queued and running tasks still run. */
	public void shutdown() {
		this.pool.shutdown();
	}

	/**
	 * Takes no new work, cancels the queued tasks (their futures throw CancellationException) and
	 * interrupts the running ones.
	 * @return how many queued tasks were cancelled
	 */
	public int shutdownNow() {
		List<Runnable> drained = this.pool.shutdownNow();
		for (Runnable task : drained) {
			((Task<?>) task).cancel(false);
		}
		return drained.size();
	}

	public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
		return this.pool.awaitTermination(timeout, unit);
	}

	public boolean isShutdown() {
		return this.pool.isShutdown();
	}

	/** Shuts down and waits for the queued and running tasks; interrupted, it cancels them instead. */
	@Override
	public void close() {
		shutdown();
		try {
			while (!this.pool.awaitTermination(1, TimeUnit.MINUTES)) {
				// keep waiting: close means every submitted task has finished
			}
		}
		catch (InterruptedException ex) {
			shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	/** A queued unit of work; orders higher priority first, then earlier submission first. */
	private static final class Task<T> extends FutureTask<T> implements Comparable<Task<?>> {

		private final int priority;

		private final long sequence;

		Task(Callable<T> work, int priority, long sequence) {
			super(work);
			this.priority = priority;
			this.sequence = sequence;
		}

		@Override
		public int compareTo(Task<?> other) {
			int byPriority = Integer.compare(other.priority, this.priority);
			return byPriority != 0 ? byPriority : Long.compare(this.sequence, other.sequence);
		}

	}

}
