package io.strata.engine.query.exec;

import io.strata.engine.error.StrataException;
import io.strata.engine.query.Query;

/**
 * The deadline and cancellation of one running query, checked by the engines between batches of
 * rows: past the deadline a query fails with Druid's {@code Query timeout}, and an interrupted or
 * cancelled one with {@code Query interrupted}, and one that finds the heap nearly full of live data
 * ({@link HeapGuard}) with Druid's {@code Resource limit exceeded} rather than an OutOfMemoryError. Thread-safe: every segment task of the query
 * checks the same control.
 */
final class QueryControl {

	private static final long NO_DEADLINE = Long.MAX_VALUE;

	private final String queryId;

	private final long timeoutMillis;

	private final long deadlineNanos;

	private final int maxGroups;

	private volatile boolean cancelled;

	/** How many checks pass between two looks at the heap (a look costs a few microseconds). */
	private static final int HEAP_CHECK_EVERY = 64;

	private final HeapGuard heap;

	private final double maxLiveHeapFraction;

	/**
	 * Checks since the last look at the heap, starting so that the first check looks; racy across
	 * segment tasks, which only shifts the looks.
	 */
	private int checksSinceHeapLook = HEAP_CHECK_EVERY - 1;

	private QueryControl(String queryId, long timeoutMillis, int maxGroups, HeapGuard heap,
			double maxLiveHeapFraction) {
		this.heap = heap;
		this.maxLiveHeapFraction = maxLiveHeapFraction;
		this.queryId = queryId;
		this.timeoutMillis = timeoutMillis;
		this.deadlineNanos = timeoutMillis == 0 ? NO_DEADLINE : System.nanoTime() + timeoutMillis * 1_000_000;
		this.maxGroups = maxGroups;
	}

	static QueryControl start(Query query, QueryLimits limits, HeapGuard heap) {
		long timeout;
		long maxResults;
		try {
			timeout = query.context().getLong("timeout", limits.defaultTimeoutMillis());
			maxResults = query.context().getLong("maxResults", limits.maxGroups());
		}
		catch (IllegalArgumentException ex) {
			throw StrataException.invalidInput("%s", ex.getMessage());
		}
		if (timeout < 0) {
			throw StrataException.invalidInput("context[timeout] must be >= 0, was [%d]", timeout);
		}
		Object id = query.context().values().get("queryId");
		int maxGroups = (int) Math.max(1, Math.min(limits.maxGroups(), maxResults));
		return new QueryControl(id == null ? null : id.toString(), timeout, maxGroups, heap,
				limits.maxLiveHeapFraction());
	}

	/** A control with no deadline and the default limits: for callers outside a query. */
	static QueryControl unlimited() {
		QueryLimits limits = QueryLimits.defaults();
		return new QueryControl(null, 0, limits.maxGroups(), new HeapGuard(), limits.maxLiveHeapFraction());
	}

	String queryId() {
		return this.queryId;
	}

	/** @throws StrataException Query timeout past the deadline, Query interrupted when cancelled */
	void check() {
		if (this.cancelled || Thread.currentThread().isInterrupted()) {
			throw StrataException.interrupted("Query[%s] was interrupted", this.queryId);
		}
		if (this.deadlineNanos != NO_DEADLINE && System.nanoTime() > this.deadlineNanos) {
			throw timedOut();
		}
		if (++this.checksSinceHeapLook >= HEAP_CHECK_EVERY) {
			this.checksSinceHeapLook = 0;
			checkHeap();
		}
	}

	/** @throws StrataException Resource limit exceeded when live data fills the heap past the limit */
	void checkHeap() {
		double live = this.heap.liveFraction();
		if (live > this.maxLiveHeapFraction) {
			throw StrataException.resourceLimit(
					"Query[%s] stopped: live data fills %.0f%% of the heap, past the limit of %.0f%%; narrow the query "
							+ "(filters, fewer dimensions or sketches, coarser granularity)",
					this.queryId, live * 100, this.maxLiveHeapFraction * 100);
		}
	}

	StrataException timedOut() {
		return StrataException.timeout("Query[%s] did not finish within its timeout[%d ms]", this.queryId,
				this.timeoutMillis);
	}

	/** Nanoseconds left before the deadline; {@code Long.MAX_VALUE} when there is none. */
	long remainingNanos() {
		return this.deadlineNanos == NO_DEADLINE ? Long.MAX_VALUE : this.deadlineNanos - System.nanoTime();
	}

	void cancel() {
		this.cancelled = true;
	}

	/** @throws StrataException Resource limit exceeded when {@code groups} passes the limit */
	void checkGroups(int groups) {
		if (groups > this.maxGroups) {
			throw StrataException.resourceLimit(
					"Query[%s] produced more than [%d] groups; narrow the query (filters, fewer dimensions, coarser "
							+ "granularity) or raise the server's group limit",
					this.queryId, this.maxGroups);
		}
	}

}
