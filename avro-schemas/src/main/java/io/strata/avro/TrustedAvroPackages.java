package io.strata.avro;

import io.strata.avro.schema.UsageEvent;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Lets Avro 1.12 instantiate the generated classes of {@value #SCHEMA_PACKAGE}.
 *
 * <p>
 * Avro refuses to load a class named in a schema unless a global {@link ClassSecurityValidator}
 * trusts it; without this, reading a {@code UsageEvent} as a specific record fails with
 * {@code SecurityException: Forbidden io.strata.avro.schema.UsageEvent}. Setting the system
 * property {@code org.apache.avro.SERIALIZABLE_PACKAGES} would work only if done before Avro
 * reads it, which a library cannot promise; so the serdes call {@link #register()} in their
 * constructors. The predicate is added to whatever is installed already, so a trust list set
 * by the application keeps working. The only state is the one Avro itself keeps.
 */
public final class TrustedAvroPackages {

	/** Package of the classes generated from {@code src/main/avro}. */
	public static final String SCHEMA_PACKAGE = "io.strata.avro.schema";

	private static final Object LOCK = new Object();

	private TrustedAvroPackages() {
	}

	/**
	 * Makes Avro trust the generated schema classes. Idempotent and thread-safe: once they are
	 * trusted, whether by an earlier call or by the system property, it changes nothing.
	 */
	public static void register() {
		// read-check-write of Avro's global must not interleave, or two callers could both wrap it
		synchronized (LOCK) {
			ClassSecurityPredicate installed = ClassSecurityValidator.getGlobal();
			if (installed.isTrusted(UsageEvent.class)) {
				return;
			}
			ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(installed, new SchemaPackagePredicate()));
		}
	}

	/** Trusts exactly the classes of the generated package (nested builders included). */
	private static final class SchemaPackagePredicate implements ClassSecurityPredicate {

		@Override
		public boolean isTrusted(Class<?> type) {
			return SCHEMA_PACKAGE.equals(type.getPackageName());
		}

	}

}
