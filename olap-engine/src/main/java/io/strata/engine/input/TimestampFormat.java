package io.strata.engine.input;

import io.strata.engine.time.IsoTime;

import java.util.Locale;

/** How a timestamp value is read: Druid's {@code timestampSpec.format}. */
public enum TimestampFormat {

	/** Numbers are epoch millis; strings of digits too; any other string is ISO-8601. */
	AUTO,
	ISO,
	MILLIS,
	POSIX,
	MICRO,
	NANO;

	public String jsonName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static TimestampFormat fromJsonName(String name) {
		for (TimestampFormat format : values()) {
			if (format.jsonName().equalsIgnoreCase(name)) {
				return format;
			}
		}
		throw new IllegalArgumentException("unknown timestamp format, expected one of [auto, iso, millis, posix, micro, nano]");
	}

	/**
	 * @return epoch millis
	 * @throws IllegalArgumentException saying why the value cannot be read
	 */
	public long parse(Object value) {
		if (value instanceof Number number) {
			return fromNumber(number);
		}
		if (value instanceof CharSequence text) {
			return fromText(text);
		}
		throw new IllegalArgumentException("is neither a number nor a string");
	}

	private long fromNumber(Number number) {
		if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
			// longValue() would turn NaN into the epoch and infinities into the ends of time
			throw new IllegalArgumentException("is not a finite number");
		}
		return switch (this) {
			case AUTO, MILLIS -> number.longValue();
			case POSIX -> (number instanceof Double || number instanceof Float)
					? Math.round(number.doubleValue() * 1000) : Math.multiplyExact(number.longValue(), 1000L);
			case MICRO -> Math.floorDiv(number.longValue(), 1000L);
			case NANO -> Math.floorDiv(number.longValue(), 1_000_000L);
			case ISO -> throw new IllegalArgumentException("is a number, but the format is iso");
		};
	}

	private long fromText(CharSequence text) {
		if (text.isEmpty()) {
			throw new IllegalArgumentException("is empty");
		}
		if (this == ISO) {
			return IsoTime.parse(text);
		}
		if (this == AUTO && !isInteger(text)) {
			return IsoTime.parse(text);
		}
		if (!isInteger(text)) {
			throw new IllegalArgumentException("is not a whole number, as the format " + jsonName() + " needs");
		}
		return fromNumber(Long.parseLong(text.toString()));
	}

	private static boolean isInteger(CharSequence text) {
		int start = text.charAt(0) == '-' ? 1 : 0;
		if (start == text.length() || text.length() - start > 19) {
			return false;
		}
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
