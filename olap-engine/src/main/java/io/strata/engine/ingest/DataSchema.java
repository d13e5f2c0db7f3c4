package io.strata.engine.ingest;

import io.strata.engine.input.TimestampSpec;
import io.strata.engine.aggregation.AggregatorSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Druid's {@code dataSchema}: the shape of a datasource as ingestion builds it.
 * @param transformSpec applied to every input row before anything else reads it ({@link RowTransformer})
 */
public record DataSchema(String dataSource, TimestampSpec timestampSpec, DimensionsSpec dimensionsSpec,
		List<AggregatorSpec> metricsSpec, GranularitySpec granularitySpec, TransformSpec transformSpec) {

	/** The name of the time column in every segment. */
	public static final String TIME_COLUMN = io.strata.engine.segment.Segment.TIME_COLUMN;

	public DataSchema {
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(timestampSpec, "timestampSpec");
		Objects.requireNonNull(dimensionsSpec, "dimensionsSpec");
		Objects.requireNonNull(granularitySpec, "granularitySpec");
		Objects.requireNonNull(transformSpec, "transformSpec");
		metricsSpec = List.copyOf(metricsSpec);
		if (dataSource.isBlank()) {
			throw new IllegalArgumentException("dataSource must not be blank");
		}
		Set<String> names = new LinkedHashSet<>();
		for (DimensionSchema dimension : dimensionsSpec.dimensions()) {
			if (dimension.name().equals(TIME_COLUMN)) {
				throw new IllegalArgumentException("a dimension may not be named " + TIME_COLUMN);
			}
			names.add(dimension.name());
		}
		for (AggregatorSpec metric : metricsSpec) {
			if (metric.name().equals(TIME_COLUMN)) {
				throw new IllegalArgumentException("a metric may not be named " + TIME_COLUMN);
			}
			if (!names.add(metric.name())) {
				throw new IllegalArgumentException("metric [" + metric.name() + "] has the name of another column");
			}
		}
	}

	/** A data schema without transforms or filter. */
	public DataSchema(String dataSource, TimestampSpec timestampSpec, DimensionsSpec dimensionsSpec,
			List<AggregatorSpec> metricsSpec, GranularitySpec granularitySpec) {
		this(dataSource, timestampSpec, dimensionsSpec, metricsSpec, granularitySpec, TransformSpec.NONE);
	}

	public DataSchema withTransformSpec(TransformSpec spec) {
		return new DataSchema(this.dataSource, this.timestampSpec, this.dimensionsSpec, this.metricsSpec,
				this.granularitySpec, spec);
	}

	/**
	 * Fields never taken as discovered dimensions: the explicit exclusions, the timestamp
	 * column, metric names and every aggregator input (as Druid does).
	 */
	public Set<String> discoveryExclusions() {
		Set<String> excluded = new LinkedHashSet<>(this.dimensionsSpec.dimensionExclusions());
		excluded.add(this.timestampSpec.column());
		excluded.add(TIME_COLUMN);
		for (AggregatorSpec metric : this.metricsSpec) {
			excluded.add(metric.name());
			excluded.addAll(metric.inputFields());
		}
		return excluded;
	}

	public List<String> metricNames() {
		List<String> result = new ArrayList<>();
		for (AggregatorSpec metric : this.metricsSpec) {
			result.add(metric.name());
		}
		return result;
	}

}
