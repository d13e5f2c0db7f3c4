package io.strata.engine.segment.encoding;

/**
 * Raised by the encodings when stored bytes are inconsistent. The format layer catches it and
 * rethrows a {@link io.strata.engine.error.StrataException} naming the segment and column, which
 * the encodings do not know.
 */
public final class CorruptPartException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CorruptPartException(String message) {
		super(message);
	}

}
