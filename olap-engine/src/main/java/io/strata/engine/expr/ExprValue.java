package io.strata.engine.expr;

import io.strata.engine.error.StrataException;

/**
 * One value of the expression language: a LONG, DOUBLE or STRING, or null. Mutable on purpose: each
 * node of a compiled expression owns one and overwrites it per row, so evaluating a numeric row
 * allocates nothing. A value returned by an evaluation stays valid until the next evaluation. Not
 * thread-safe.
 *
 * <p>Conversions follow Druid: a string is a number when it parses as one (else it is a numeric null),
 * a double becomes a long by truncation, and a value is true when it is a number above zero or the
 * string {@code true} in any case.
 */
public final class ExprValue {

	private ExprType type = ExprType.STRING;

	private boolean isNull = true;

	private long longValue;

	private double doubleValue;

	private String stringValue;

	/** The last string parsed as a number (compared by identity) and what it parsed to. */
	private String parsedString;

	private boolean parsedIsNumber;

	private boolean parsedIsLong;

	private long parsedLong;

	private double parsedDouble;

	public ExprType type() {
		return this.type;
	}

	public boolean isNull() {
		return this.isNull;
	}

	public void setLong(long value) {
		this.type = ExprType.LONG;
		this.isNull = false;
		this.longValue = value;
	}

	public void setDouble(double value) {
		this.type = ExprType.DOUBLE;
		this.isNull = false;
		this.doubleValue = value;
	}

	/** A string; null sets null. */
	public void setString(String value) {
		this.type = ExprType.STRING;
		this.isNull = value == null;
		this.stringValue = value;
	}

	public void setNull(ExprType type) {
		this.type = type;
		this.isNull = true;
		this.stringValue = null;
	}

	public void set(ExprValue other) {
		this.type = other.type;
		this.isNull = other.isNull;
		this.longValue = other.longValue;
		this.doubleValue = other.doubleValue;
		this.stringValue = other.stringValue;
	}

	/** Binds a Java value: Long, Integer, Short, Byte as LONG, other numbers as DOUBLE, strings, null. */
	public void setObject(Object value) {
		switch (value) {
			case null -> setNull(ExprType.STRING);
			case Long number -> setLong(number);
			case Integer number -> setLong(number);
			case Short number -> setLong(number);
			case Byte number -> setLong(number);
			case Number number -> setDouble(number.doubleValue());
			case String text -> setString(text);
			case Boolean bool -> setLong(bool ? 1 : 0);
			default -> throw StrataException.invalidInput("An expression cannot read a value of type[%s]",
					value.getClass().getSimpleName());
		}
	}

	/** The value as Java sees it: Long, Double, String or null. */
	public Object toObject() {
		if (this.isNull) {
			return null;
		}
		return switch (this.type) {
			case LONG -> this.longValue;
			case DOUBLE -> this.doubleValue;
			case STRING -> this.stringValue;
		};
	}

	/** True when the value is null or a string that is not a number. */
	public boolean isNumericNull() {
		if (this.isNull) {
			return true;
		}
		return this.type == ExprType.STRING && !parseString();
	}

	/** The value as a long; 0 for a numeric null. */
	public long asLong() {
		if (this.isNull) {
			return 0;
		}
		return switch (this.type) {
			case LONG -> this.longValue;
			case DOUBLE -> (long) this.doubleValue;
			case STRING -> !parseString() ? 0 : this.parsedIsLong ? this.parsedLong : (long) this.parsedDouble;
		};
	}

	/** The value as a double; 0 for a numeric null. */
	public double asDouble() {
		if (this.isNull) {
			return 0;
		}
		return switch (this.type) {
			case LONG -> this.longValue;
			case DOUBLE -> this.doubleValue;
			case STRING -> !parseString() ? 0 : this.parsedIsLong ? this.parsedLong : this.parsedDouble;
		};
	}

	/** The value as a string; null for null. Doubles print as Java does ({@code 2.0}), as in Druid. */
	public String asString() {
		if (this.isNull) {
			return null;
		}
		return switch (this.type) {
			case LONG -> Long.toString(this.longValue);
			case DOUBLE -> Double.toString(this.doubleValue);
			case STRING -> this.stringValue;
		};
	}

	public boolean asBoolean() {
		if (this.isNull) {
			return false;
		}
		return switch (this.type) {
			case LONG -> this.longValue > 0;
			case DOUBLE -> this.doubleValue > 0;
			case STRING -> "true".equalsIgnoreCase(this.stringValue);
		};
	}

	private boolean parseString() {
		String text = this.stringValue;
		if (text == this.parsedString) {
			return this.parsedIsNumber;
		}
		this.parsedString = text;
		this.parsedIsNumber = false;
		this.parsedIsLong = false;
		if (NumberText.isLong(text)) {
			try {
				this.parsedLong = Long.parseLong(text);
				this.parsedIsLong = true;
				this.parsedIsNumber = true;
				return true;
			}
			catch (NumberFormatException ex) {
				// too many digits for a long: read as a double below
			}
		}
		if (NumberText.isDouble(text)) {
			this.parsedDouble = Double.parseDouble(text);
			this.parsedIsNumber = true;
		}
		return this.parsedIsNumber;
	}

}
