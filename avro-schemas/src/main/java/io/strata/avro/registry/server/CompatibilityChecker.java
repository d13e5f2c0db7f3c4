package io.strata.avro.registry.server;

import io.strata.avro.registry.CompatibilityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Decides whether a candidate schema may follow a subject's earlier versions under a {@link
 * CompatibilityLevel}, with Avro's own {@link SchemaCompatibility} reader/writer check, as
 * Confluent's registry does. Stateless.
 */
final class CompatibilityChecker {

	/** An earlier version of a subject. */
	record Version(int number, Schema schema) {

		Version {
			Objects.requireNonNull(schema, "schema");
		}

	}

	private CompatibilityChecker() {
	}

	/**
	 * What keeps {@code candidate} from following {@code earlier} (oldest first) under {@code
	 * level}: one line per problem, empty when it may. A non-transitive level looks at the last
	 * version only.
	 */
	static List<String> problems(CompatibilityLevel level, Schema candidate, List<Version> earlier) {
		if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
			return List.of();
		}
		List<Version> checked = level.transitive() ? earlier : List.of(earlier.getLast());
		List<String> problems = new ArrayList<>();
		for (Version version : checked) {
			if (level.backward()) {
				// the new schema must read what the earlier one wrote
				describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, version.schema()),
						"version " + version.number() + " (backward)", problems);
			}
			if (level.forward()) {
				// the earlier schema must read what the new one writes
				describe(SchemaCompatibility.checkReaderWriterCompatibility(version.schema(), candidate),
						"version " + version.number() + " (forward)", problems);
			}
		}
		return List.copyOf(problems);
	}

	private static void describe(SchemaPairCompatibility result, String against, List<String> problems) {
		if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
			return;
		}
		for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
			problems.add(against + ": " + incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
					+ incompatibility.getMessage());
		}
	}

}
