package io.strata.avro.registry.server;

import io.strata.avro.registry.CompatibilityLevel;
import java.util.Objects;

/**
 * One change to the registry's state, as one line of its log ({@link RegistryLogWriter} documents
 * the line format). Replaying every entry in order rebuilds the state.
 */
sealed interface RegistryLogEntry {

	/** A schema became version {@code version} of {@code subject} under registry-wide id {@code id}. */
	record SchemaRegistered(int id, String subject, int version, String schema) implements RegistryLogEntry {

		public SchemaRegistered {
			Objects.requireNonNull(subject, "subject");
			Objects.requireNonNull(schema, "schema");
			if (id < 1) {
				throw new IllegalArgumentException("id[" + id + "] must be at least 1");
			}
			if (version < 1) {
				throw new IllegalArgumentException("version[" + version + "] must be at least 1");
			}
		}

	}

	/** The registry-wide default compatibility level changed. */
	record GlobalCompatibilitySet(CompatibilityLevel level) implements RegistryLogEntry {

		public GlobalCompatibilitySet {
			Objects.requireNonNull(level, "level");
		}

	}

	/** A subject got its own compatibility level. */
	record SubjectCompatibilitySet(String subject, CompatibilityLevel level) implements RegistryLogEntry {

		public SubjectCompatibilitySet {
			Objects.requireNonNull(subject, "subject");
			Objects.requireNonNull(level, "level");
		}

	}

}
