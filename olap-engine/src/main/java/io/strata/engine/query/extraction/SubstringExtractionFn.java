package io.strata.engine.query.extraction;

/**
 * Druid's {@code substring}: from {@code index} for at most {@code length} UTF-16 code units (to
 * the end when length is null). A value no longer than {@code index} gives null, so does null.
 */
public record SubstringExtractionFn(int index, Integer length) implements ExtractionFn {

	public SubstringExtractionFn {
		if (index < 0) {
			throw new IllegalArgumentException("index must not be negative");
		}
		if (length != null && length <= 0) {
			throw new IllegalArgumentException("length must be positive");
		}
	}

	@Override
	public String apply(String value) {
		if (value == null || this.index >= value.length()) {
			return null;
		}
		int end = this.length == null ? value.length() : (int) Math.min((long) this.index + this.length, value.length());
		return value.substring(this.index, end);
	}

}
