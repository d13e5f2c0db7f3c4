package io.strata.engine.input;


import java.util.Map;

/** Applies a {@link TimestampSpec} to a parsed record to make an {@link InputRow}. Stateless. */
public final class InputRowFactory {

	private final TimestampSpec timestampSpec;

	public InputRowFactory(TimestampSpec timestampSpec) {
		this.timestampSpec = timestampSpec;
	}

	/** @throws IllegalArgumentException with the reason when the timestamp is missing or unreadable */
	public InputRow toRow(Map<String, Object> fields) {
		Object value = fields.get(this.timestampSpec.column());
		if (value == null || (value instanceof String text && text.isEmpty())) {
			if (this.timestampSpec.missingValue() != null) {
				return new InputRow(this.timestampSpec.missingValue(), fields);
			}
			throw new IllegalArgumentException("timestamp column[" + this.timestampSpec.column() + "] is missing");
		}
		try {
			return new InputRow(this.timestampSpec.format().parse(value), fields);
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw new IllegalArgumentException("timestamp column[" + this.timestampSpec.column() + "] is unparseable ("
					+ this.timestampSpec.format().jsonName() + "): " + ex.getMessage());
		}
	}

}
