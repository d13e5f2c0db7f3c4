package io.strata.gateway.archive;

/**
 * Points inside a flush where tests stop the archiver as a crash would: no further file, no
 * commit. Production uses {@link #NONE}.
 */
public interface ArchiverHooks {

	ArchiverHooks NONE = new ArchiverHooks() {
	};

	/** Called after each object of a flush is durably written. */
	default void afterObjectWritten(String key) {
	}

	/** Called once every object of a flush is written, before the offsets are committed. */
	default void beforeCommit() {
	}

}
