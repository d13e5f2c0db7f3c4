package io.strata.engine.batch;

/** Druid's {@code tuningConfig.partitionsSpec}: how the rows of one interval are split into segments. */
public sealed interface PartitionsSpec permits DynamicPartitionsSpec, HashedPartitionsSpec {

	/** Druid's {@code type} string. */
	String typeName();

}
