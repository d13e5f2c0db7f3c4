package io.strata.benchmarks.gateway;

/**
 * What the {@code UsageClient} did: rates over the measured window, totals over the whole phase
 * (warm-up, measured window and the final flush).
 * @param reportedPerSecond records {@code report} took in the measured window, per second
 * @param acknowledgedPerSecond records the gateway accepted (202) in the measured window, per second
 * @param bufferFull times {@code report} found the buffer full in the measured window (the record
 * was offered again)
 * @param reported / sent / refused / failed totals once the client was flushed and closed
 * @param requests requests the client made, all outcomes
 * @param meanRequestMillis / maxRequestMillis the client's own timer of accepted requests
 */
record ClientPhase(double reportedPerSecond, double acknowledgedPerSecond, long bufferFull, long reported, long sent,
		long refused, long failed, long requests, double meanRequestMillis, double maxRequestMillis) {

	/** Every record reported was accepted: none refused, failed or lost. */
	boolean complete() {
		return this.sent == this.reported && this.refused == 0 && this.failed == 0;
	}

}
