package io.strata.engine.ingest;

import java.util.List;

/**
 * Druid's {@code dimensionsSpec}. With no explicit dimensions (or with
 * {@code includeAllDimensions}) the index discovers dimensions from the input: every field that
 * is not excluded, the timestamp or an aggregator input. With {@code useSchemaDiscovery} the
 * discovered ones get the type of their first value, else they are strings.
 */
public record DimensionsSpec(List<DimensionSchema> dimensions, List<String> dimensionExclusions,
		boolean useSchemaDiscovery, boolean includeAllDimensions) {

	public DimensionsSpec {
		dimensions = List.copyOf(dimensions);
		dimensionExclusions = List.copyOf(dimensionExclusions);
		for (int i = 0; i < dimensions.size(); i++) {
			for (int j = 0; j < i; j++) {
				if (dimensions.get(i).name().equals(dimensions.get(j).name())) {
					throw new IllegalArgumentException("dimension [" + dimensions.get(i).name() + "] is listed twice");
				}
			}
		}
	}

	public static DimensionsSpec explicit(List<DimensionSchema> dimensions) {
		return new DimensionsSpec(dimensions, List.of(), false, false);
	}

	public static DimensionsSpec discover(List<String> exclusions) {
		return new DimensionsSpec(List.of(), exclusions, false, false);
	}

	public boolean discoversDimensions() {
		return this.dimensions.isEmpty() || this.includeAllDimensions || this.useSchemaDiscovery;
	}

}
