package io.strata.engine.ingest;

import io.strata.engine.query.filter.DimFilter;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Druid's {@code transformSpec} of a data schema: expression transforms that add or replace fields
 * of each input row, and a filter that keeps only the rows it matches. {@link RowTransformer} says
 * how they apply.
 * @param filter null for none
 * @param transforms each with its own name
 */
public record TransformSpec(Filter filter, List<ExpressionTransform> transforms) {

	/** No transform and no filter: rows are ingested as parsed. */
	public static final TransformSpec NONE = new TransformSpec(null, List.of());

	public TransformSpec {
		transforms = List.copyOf(transforms);
		Set<String> names = new HashSet<>();
		for (ExpressionTransform transform : transforms) {
			if (!names.add(transform.name())) {
				throw new IllegalArgumentException("transform [" + transform.name() + "] is named twice");
			}
		}
	}

	public boolean isEmpty() {
		return this.filter == null && this.transforms.isEmpty();
	}

	/**
	 * The filter as the user wrote it and as the query model reads it. The JSON is kept so that the spec
	 * is written back as submitted ({@code equals} stays {@code equals}, {@code range} stays
	 * {@code range}) without a writer for every filter type.
	 */
	public record Filter(String json, DimFilter dimFilter) {

		public Filter {
			Objects.requireNonNull(json, "json");
			Objects.requireNonNull(dimFilter, "dimFilter");
		}

	}

}
