package io.strata.gateway.traffic;

/**
 * What the sample traffic has done since it started, in events.
 * @param sent handed to the usage client (buffered for sending)
 * @param accepted acknowledged by the gateway (202: in Kafka)
 * @param refused refused by the gateway for good (a 4xx: a wrong token, an invalid event)
 * @param failed given up after the client's last retry (the gateway unreachable or answering 503)
 * @param dropped not even buffered: the client's buffer was full
 */
public record TrafficTotals(long sent, long accepted, long refused, long failed, long dropped) {

	/** Sent but neither accepted, refused nor failed yet: in the client's buffer or in flight. */
	public long pending() {
		return this.sent - this.accepted - this.refused - this.failed;
	}

}
