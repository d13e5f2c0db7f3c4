package io.strata.avro.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * Confluent's compatibility levels: which earlier versions of a subject a new schema is checked
 * against, and in which direction. BACKWARD (the default): the new schema reads data written with
 * the latest one, so consumers upgrade first. FORWARD: the latest schema reads data written with
 * the new one, so producers upgrade first. FULL: both. The {@code _TRANSITIVE} variants check every
 * earlier version instead of only the latest. NONE checks nothing.
 */
public enum CompatibilityLevel {

	NONE(false, false, false),
	BACKWARD(true, false, false),
	BACKWARD_TRANSITIVE(true, false, true),
	FORWARD(false, true, false),
	FORWARD_TRANSITIVE(false, true, true),
	FULL(true, true, false),
	FULL_TRANSITIVE(true, true, true);

	private final boolean backward;

	private final boolean forward;

	private final boolean transitive;

	CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
		this.backward = backward;
		this.forward = forward;
		this.transitive = transitive;
	}

	/** Whether the new schema must read data written with earlier versions. */
	public boolean backward() {
		return this.backward;
	}

	/** Whether earlier versions must read data written with the new schema. */
	public boolean forward() {
		return this.forward;
	}

	/** Whether every earlier version is checked, not only the latest. */
	public boolean transitive() {
		return this.transitive;
	}

	/** The level named {@code name}, ignoring case as Confluent does; empty for any other text. */
	public static Optional<CompatibilityLevel> parse(String name) {
		String upper = name.trim().toUpperCase(Locale.ROOT);
		for (CompatibilityLevel level : values()) {
			if (level.name().equals(upper)) {
				return Optional.of(level);
			}
		}
		return Optional.empty();
	}

}
