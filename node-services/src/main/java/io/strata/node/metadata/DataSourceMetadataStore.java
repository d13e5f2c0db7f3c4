package io.strata.node.metadata;

import java.util.Optional;

/**
 * The datasource table ({@code <prefix>_dataSource}): per datasource, the stream offsets its
 * published segments cover (Druid's commit metadata). Exactly-once ingestion rests on changing
 * them only together with the segments they describe. Thread-safe.
 */
public interface DataSourceMetadataStore {

	/** The committed offsets, or empty when nothing was committed (or they were reset). */
	Optional<StreamOffsets> read(String dataSource);

	/**
	 * Replaces the committed offsets if they are still {@code expected} (empty: none committed);
	 * returns whether it did.
	 */
	boolean compareAndSwap(String dataSource, Optional<StreamOffsets> expected, StreamOffsets replacement);

	/** Forgets the committed offsets (a supervisor reset); returns whether there were any. */
	boolean delete(String dataSource);

	/**
	 * In one transaction: checks that the committed offsets match {@code start} on the partitions
	 * both name (Druid's rule; with none committed any start is accepted), commits them plus
	 * {@code end}, and runs {@code insertSegments}, which must write through this store's
	 * transaction manager so it joins the transaction. Either everything is written or nothing.
	 * @throws io.strata.engine.error.StrataException invalid input "Inconsistent metadata state"
	 *         when the offsets do not match, or whatever {@code insertSegments} throws
	 */
	void publish(String dataSource, StreamOffsets start, StreamOffsets end, Runnable insertSegments);

}
