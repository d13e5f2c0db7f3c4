package io.strata.engine.input;

import java.util.List;

/**
 * Druid's {@code inputSource}: where a batch ingestion's bytes come from. The engine has {@code
 * local}, {@code inline} and {@code http} ({@code io.strata.engine.input.source}); the node layer
 * adds sources that need its clients ({@code s3}) by implementing this interface. Immutable.
 */
public interface InputSource {

	/** Druid's {@code type} string. */
	String typeName();

	/**
	 * The entities to read, in a stable order (so that line numbers in reports and the
	 * partitioning of work repeat). Listing may touch the file system or the network.
	 */
	List<InputEntity> entities();

}
