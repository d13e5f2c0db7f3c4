package io.strata.engine.aggregation;

import io.strata.engine.type.ColumnType;

import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code HLLSketchBuild} (input values are items) and {@code HLLSketchMerge} (input
 * values are sketches), from Apache DataSketches.
 * @param lgK log2 of the number of buckets, 4 to 21 (Druid's default 12)
 * @param tgtHllType {@code HLL_4}, {@code HLL_6} or {@code HLL_8}
 * @param stringEncoding how strings are hashed: {@code utf16le} (Druid's default, so sketches
 * union with Druid-built ones) or {@code utf8}
 */
public record HllSketchAggregatorSpec(String name, String fieldName, int lgK, String tgtHllType, boolean round,
		boolean merge, String stringEncoding) implements SketchAggregatorSpec {

	public static final String UTF16LE = "utf16le";

	public static final String UTF8 = "utf8";

	public static final int DEFAULT_LG_K = 12;

	public static final String DEFAULT_TGT_HLL_TYPE = "HLL_4";

	public HllSketchAggregatorSpec {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(fieldName, "fieldName");
		fieldName = fieldName.intern();
		Objects.requireNonNull(tgtHllType, "tgtHllType");
		if (lgK < 4 || lgK > 21) {
			throw new IllegalArgumentException("lgK must be between 4 and 21");
		}
		if (!List.of("HLL_4", "HLL_6", "HLL_8").contains(tgtHllType)) {
			throw new IllegalArgumentException("tgtHllType must be one of [HLL_4, HLL_6, HLL_8]");
		}
		Objects.requireNonNull(stringEncoding, "stringEncoding");
		if (!stringEncoding.equals(UTF16LE) && !stringEncoding.equals(UTF8)) {
			throw new IllegalArgumentException("stringEncoding must be one of [utf16le, utf8]");
		}
	}

	/** With Druid's default string encoding, UTF-16LE. */
	public HllSketchAggregatorSpec(String name, String fieldName, int lgK, String tgtHllType, boolean round,
			boolean merge) {
		this(name, fieldName, lgK, tgtHllType, round, merge, UTF16LE);
	}

	@Override
	public String typeName() {
		return this.merge ? "HLLSketchMerge" : "HLLSketchBuild";
	}

	@Override
	public ColumnType storedType() {
		return ColumnType.HLL_SKETCH;
	}

	@Override
	public List<String> inputFields() {
		return List.of(this.fieldName);
	}

}
