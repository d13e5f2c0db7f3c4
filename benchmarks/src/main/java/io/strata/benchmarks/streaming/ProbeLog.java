package io.strata.benchmarks.streaming;

import java.util.Arrays;

import io.strata.benchmarks.LatencySummary;
import io.strata.engine.error.StrataException;

/**
 * The probes of the freshness run: when Kafka acknowledged each one and when a broker answer
 * first counted it. Probe {@code k} (from 1) is the k-th event of the probe account, and all of
 * them share one key, so one partition: a task reads them in the order sent, and an answer
 * counting {@code n} probe events has seen probes 1 to n. Times are {@link System#nanoTime()}.
 * Threading: acknowledgements come from the producer's I/O thread, answers from the poller's;
 * every method holds the instance lock.
 */
final class ProbeLog {

	private static final long NONE = Long.MIN_VALUE;

	private final long[] sentAt;

	private final long[] acked;

	private final long[] visible;

	private int sent;

	private int seen;

	ProbeLog(int capacity) {
		this.sentAt = new long[capacity + 1];
		this.acked = new long[capacity + 1];
		this.visible = new long[capacity + 1];
		Arrays.fill(this.sentAt, NONE);
		Arrays.fill(this.acked, NONE);
		Arrays.fill(this.visible, NONE);
	}

	/** Numbers the probe being sent at {@code nanos}; 0 when the log is full (no more probes are sent then). */
	synchronized int next(long nanos) {
		if (this.sent + 1 >= this.acked.length) {
			return 0;
		}
		this.sent++;
		this.sentAt[this.sent] = nanos;
		return this.sent;
	}

	synchronized void acked(int probe, long nanos) {
		this.acked[probe] = nanos;
	}

	/** A broker answer received at {@code nanos} counted {@code count} probe events. */
	synchronized void observed(long count, long nanos) {
		if (count > this.sent) {
			throw StrataException.defensive("The broker counted [%d] probe events, but only [%d] were sent", count,
					this.sent);
		}
		for (int probe = this.seen + 1; probe <= count; probe++) {
			this.visible[probe] = nanos;
		}
		this.seen = Math.max(this.seen, (int) count);
	}

	/** Probes Kafka acknowledged so far. */
	synchronized int acked() {
		int acked = 0;
		for (int probe = 1; probe <= this.sent; probe++) {
			if (this.acked[probe] != NONE) {
				acked++;
			}
		}
		return acked;
	}

	/** Probes counted by the broker so far. */
	synchronized int seen() {
		return this.seen;
	}

	/** Whether every probe acknowledged at or before {@code nanos} has been counted. */
	synchronized boolean allSeenAckedBy(long nanos) {
		for (int probe = this.seen + 1; probe <= this.sent; probe++) {
			if (this.acked[probe] != NONE && this.acked[probe] <= nanos) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Acknowledgement-to-visible latencies of the probes acknowledged in {@code [from, to)}; a
	 * probe acknowledged then but never counted is {@code unseen}, not a latency. Their send to
	 * acknowledgement latencies come with them.
	 */
	synchronized Freshness measured(long from, long to) {
		long[] latencies = new long[this.sent];
		long[] acks = new long[this.sent];
		int measured = 0;
		int acknowledged = 0;
		int unseen = 0;
		for (int probe = 1; probe <= this.sent; probe++) {
			long ack = this.acked[probe];
			if (ack == NONE || ack - from < 0 || ack - to >= 0) {
				continue;
			}
			acks[acknowledged++] = ack - this.sentAt[probe];
			if (this.visible[probe] == NONE) {
				unseen++;
			}
			else {
				latencies[measured++] = this.visible[probe] - ack;
			}
		}
		return new Freshness(LatencySummary.ofNanos(Arrays.copyOf(latencies, measured)), unseen,
				LatencySummary.ofNanos(Arrays.copyOf(acks, acknowledged)));
	}

	/**
	 * What the probes of the measured run saw.
	 * @param latency acknowledged by Kafka to counted by a broker answer, of the probes counted
	 * @param unseen probes acknowledged in the run that no answer counted before the run ended
	 * @param ack the producer's send to Kafka's acknowledgement, of every probe acknowledged in the run
	 */
	record Freshness(LatencySummary latency, int unseen, LatencySummary ack) {

	}

}
