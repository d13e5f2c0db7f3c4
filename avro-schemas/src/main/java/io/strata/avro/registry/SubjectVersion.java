package io.strata.avro.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject, as {@code GET /subjects/{subject}/versions/{version}} returns it.
 *
 * @param subject the subject, e.g. {@code usage-events-value}
 * @param version the version within the subject, from 1
 * @param id the registry-wide schema id that the wire format carries
 * @param schema the schema's JSON text as the registry stores it
 */
public record SubjectVersion(String subject, int version, int id, String schema) {

	public SubjectVersion {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(schema, "schema");
		if (version < 1) {
			throw new IllegalArgumentException("version[" + version + "] must be at least 1");
		}
		if (id < 0) {
			throw new IllegalArgumentException("id[" + id + "] must not be negative");
		}
	}

	/** The schema text parsed; a new {@link Schema} on every call. */
	public Schema parsedSchema() {
		return new Schema.Parser().parse(this.schema);
	}

}
