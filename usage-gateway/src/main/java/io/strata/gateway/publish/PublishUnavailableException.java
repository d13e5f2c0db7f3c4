package io.strata.gateway.publish;

/** Kafka did not acknowledge every event in time: the request gets a 503 with Retry-After. */
public final class PublishUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public PublishUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
