package io.strata.engine.query.exec;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.Segment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs one piece of work per segment on the server's processing pool (bounded: the pool's size is
 * the parallelism) and returns the results in segment order, so merges are deterministic. Without
 * a pool, or for one segment, the work runs on the caller's thread. On a timeout, an error or an
 * interrupt, the remaining work is cancelled. Thread-safe.
 */
final class SegmentTasks {

	private final ExecutorService pool;

	/** @param pool the processing pool, or null to run on the calling thread */
	SegmentTasks(ExecutorService pool) {
		this.pool = pool;
	}

	<T> List<T> map(List<Segment> segments, QueryControl control, Function<Segment, T> work) {
		List<T> results = new ArrayList<>(segments.size());
		if (this.pool == null || segments.size() <= 1) {
			for (Segment segment : segments) {
				control.check();
				results.add(work.apply(segment));
			}
			return results;
		}
		List<Future<T>> futures = new ArrayList<>(segments.size());
		boolean done = false;
		try {
			for (Segment segment : segments) {
				futures.add(this.pool.submit(() -> {
					control.check();
					return work.apply(segment);
				}));
			}
			for (Future<T> future : futures) {
				long remaining = control.remainingNanos();
				if (remaining <= 0) {
					throw control.timedOut();
				}
				results.add(remaining == Long.MAX_VALUE ? future.get() : future.get(remaining, TimeUnit.NANOSECONDS));
			}
			done = true;
			return results;
		}
		catch (RejectedExecutionException ex) {
			throw new StrataException(ErrorCode.QUERY_CAPACITY_EXCEEDED,
					"The query processing pool is full; retry the query later", ex);
		}
		catch (TimeoutException ex) {
			throw control.timedOut();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw StrataException.interrupted("Query was interrupted while waiting for its segments");
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new StrataException(ErrorCode.UNKNOWN, String.valueOf(cause), cause);
		}
		finally {
			if (!done) {
				control.cancel();
				for (Future<T> future : futures) {
					future.cancel(true);
				}
			}
		}
	}

}
