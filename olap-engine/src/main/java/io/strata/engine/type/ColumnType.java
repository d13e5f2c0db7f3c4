package io.strata.engine.type;

/**
 * The type of a stored column. The byte id is persisted in segment files and is never reused;
 * the Druid name is what {@code segmentMetadata} and SQL report.
 */
public enum ColumnType {

	LONG(1, "LONG"),
	FLOAT(2, "FLOAT"),
	DOUBLE(3, "DOUBLE"),
	STRING(4, "STRING"),
	HLL_SKETCH(5, "COMPLEX<HLLSketch>"),
	THETA_SKETCH(6, "COMPLEX<thetaSketch>"),
	QUANTILES_DOUBLES_SKETCH(7, "COMPLEX<quantilesDoublesSketch>");

	private final byte id;

	private final String druidName;

	ColumnType(int id, String druidName) {
		this.id = (byte) id;
		this.druidName = druidName;
	}

	public byte id() {
		return this.id;
	}

	public String druidName() {
		return this.druidName;
	}

	public boolean isNumeric() {
		return this == LONG || this == FLOAT || this == DOUBLE;
	}

	public boolean isSketch() {
		return this == HLL_SKETCH || this == THETA_SKETCH || this == QUANTILES_DOUBLES_SKETCH;
	}

	/** @throws IllegalArgumentException for an id no version of Strata wrote */
	public static ColumnType fromId(byte id) {
		for (ColumnType type : values()) {
			if (type.id == id) {
				return type;
			}
		}
		throw new IllegalArgumentException("unknown column type id " + id);
	}

	public static ColumnType fromDruidName(String name) {
		for (ColumnType type : values()) {
			if (type.druidName.equalsIgnoreCase(name)) {
				return type;
			}
		}
		throw new IllegalArgumentException("unknown column type " + name);
	}

}
