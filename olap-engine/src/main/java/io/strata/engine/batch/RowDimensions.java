package io.strata.engine.batch;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.DimensionSchema;
import io.strata.engine.input.InputRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The dimensions of a row as ingestion will see them: the schema's explicit ones, plus, when the
 * schema discovers dimensions, every field of the row that is not excluded. Immutable.
 */
final class RowDimensions {

	private final boolean discover;

	private final List<String> explicit;

	private final Set<String> exclusions;

	RowDimensions(DataSchema schema) {
		this.discover = schema.dimensionsSpec().discoversDimensions();
		this.explicit = schema.dimensionsSpec().dimensions().stream().map(DimensionSchema::name).toList();
		this.exclusions = schema.discoveryExclusions();
	}

	List<String> of(InputRow row) {
		if (!this.discover) {
			return this.explicit;
		}
		List<String> dimensions = new ArrayList<>(this.explicit);
		for (String field : row.fields().keySet()) {
			if (!this.exclusions.contains(field) && !dimensions.contains(field)) {
				dimensions.add(field);
			}
		}
		return dimensions;
	}

}
