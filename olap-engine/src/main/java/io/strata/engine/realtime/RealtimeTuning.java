package io.strata.engine.realtime;

import io.strata.engine.error.StrataException;
import io.strata.engine.input.ParseExceptionHandler;

/**
 * The tuning and rejection settings of a real-time ingestion (Druid's kafka {@code tuningConfig}
 * and the rejection periods of its {@code ioConfig}).
 * @param maxRowsInMemory rows (after rollup) held in memory by all intervals before a persist
 * @param maxRowsPerSegment rows (after rollup) of one interval's segment before the next rows of
 * that interval start a new partition
 * @param intermediatePersistPeriodMillis the longest time rows stay in memory only
 * @param lateMessageRejectionPeriodMillis rows older than now minus this are thrown away; 0 for none
 * @param earlyMessageRejectionPeriodMillis rows newer than now plus this are thrown away; 0 for none
 * @param minimumMessageTimeMillis rows older than this are thrown away ({@link Long#MIN_VALUE}: none):
 * a fixed bound, so that replicas reading the same messages at other times keep the same rows
 * @param maximumMessageTimeMillis rows at or after this are thrown away ({@link Long#MAX_VALUE}: none)
 */
public record RealtimeTuning(int maxRowsInMemory, int maxRowsPerSegment, long intermediatePersistPeriodMillis,
		long lateMessageRejectionPeriodMillis, long earlyMessageRejectionPeriodMillis, int maxParseExceptions,
		int maxSavedParseExceptions, long minimumMessageTimeMillis, long maximumMessageTimeMillis) {

	/** Druid's kafka defaults: 150,000 rows in memory, 5,000,000 per segment, persist every 10 minutes. */
	public static final RealtimeTuning DEFAULTS = new RealtimeTuning(150_000, 5_000_000, 600_000L, 0, 0,
			ParseExceptionHandler.UNLIMITED, 0, Long.MIN_VALUE, Long.MAX_VALUE);

	public RealtimeTuning {
		if (maxRowsInMemory <= 0 || maxRowsPerSegment <= 0 || intermediatePersistPeriodMillis <= 0) {
			throw StrataException.invalidSpec(
					"maxRowsInMemory[%d], maxRowsPerSegment[%d] and intermediatePersistPeriod[%d ms] must be positive",
					maxRowsInMemory, maxRowsPerSegment, intermediatePersistPeriodMillis);
		}
		if (lateMessageRejectionPeriodMillis < 0 || earlyMessageRejectionPeriodMillis < 0) {
			throw StrataException.invalidSpec("lateMessageRejectionPeriod and earlyMessageRejectionPeriod must not be negative");
		}
		if (maxParseExceptions < 0 || maxSavedParseExceptions < 0) {
			throw StrataException.invalidSpec("maxParseExceptions and maxSavedParseExceptions must not be negative");
		}
	}

	public RealtimeTuning withRows(int inMemory, int perSegment) {
		return new RealtimeTuning(inMemory, perSegment, this.intermediatePersistPeriodMillis,
				this.lateMessageRejectionPeriodMillis, this.earlyMessageRejectionPeriodMillis, this.maxParseExceptions,
				this.maxSavedParseExceptions, this.minimumMessageTimeMillis, this.maximumMessageTimeMillis);
	}

	public RealtimeTuning withPersistPeriod(long millis) {
		return new RealtimeTuning(this.maxRowsInMemory, this.maxRowsPerSegment, millis,
				this.lateMessageRejectionPeriodMillis, this.earlyMessageRejectionPeriodMillis, this.maxParseExceptions,
				this.maxSavedParseExceptions, this.minimumMessageTimeMillis, this.maximumMessageTimeMillis);
	}

	public RealtimeTuning withRejectionPeriods(long lateMillis, long earlyMillis) {
		return new RealtimeTuning(this.maxRowsInMemory, this.maxRowsPerSegment, this.intermediatePersistPeriodMillis,
				lateMillis, earlyMillis, this.maxParseExceptions, this.maxSavedParseExceptions,
				this.minimumMessageTimeMillis, this.maximumMessageTimeMillis);
	}

	public RealtimeTuning withParseExceptions(int max, int maxSaved) {
		return new RealtimeTuning(this.maxRowsInMemory, this.maxRowsPerSegment, this.intermediatePersistPeriodMillis,
				this.lateMessageRejectionPeriodMillis, this.earlyMessageRejectionPeriodMillis, max, maxSaved,
				this.minimumMessageTimeMillis, this.maximumMessageTimeMillis);
	}

	public RealtimeTuning withMessageTimeBounds(long minimumMillis, long maximumMillis) {
		return new RealtimeTuning(this.maxRowsInMemory, this.maxRowsPerSegment, this.intermediatePersistPeriodMillis,
				this.lateMessageRejectionPeriodMillis, this.earlyMessageRejectionPeriodMillis, this.maxParseExceptions,
				this.maxSavedParseExceptions, minimumMillis, maximumMillis);
	}

}
