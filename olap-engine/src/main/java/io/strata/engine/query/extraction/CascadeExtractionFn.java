package io.strata.engine.query.extraction;

import java.util.List;

/** Druid's {@code cascade}: each function applied to the output of the one before. */
public record CascadeExtractionFn(List<ExtractionFn> extractionFns) implements ExtractionFn {

	public CascadeExtractionFn {
		extractionFns = List.copyOf(extractionFns);
		if (extractionFns.isEmpty()) {
			throw new IllegalArgumentException("extractionFns must not be empty");
		}
	}

	@Override
	public String apply(String value) {
		String result = value;
		for (ExtractionFn fn : this.extractionFns) {
			result = fn.apply(result);
		}
		return result;
	}

	@Override
	public String apply(long value) {
		// the first function sees the long, as Druid hands __time to a cascade
		String result = this.extractionFns.get(0).apply(value);
		for (int i = 1; i < this.extractionFns.size(); i++) {
			result = this.extractionFns.get(i).apply(result);
		}
		return result;
	}

}
