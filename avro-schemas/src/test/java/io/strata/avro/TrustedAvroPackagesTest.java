package io.strata.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.avro.schema.LimitKind;
import io.strata.avro.schema.UsageEvent;
import io.strata.avro.wire.ConfluentAvroDeserializer;
import io.strata.avro.wire.ConfluentAvroSerializer;
import java.util.ArrayList;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;
import org.junit.jupiter.api.Test;

class TrustedAvroPackagesTest {

	@Test
	void trustsTheGeneratedClassesAndKeepsWhatWasTrustedBefore() {
		TrustedAvroPackages.register();

		ClassSecurityPredicate global = ClassSecurityValidator.getGlobal();
		assertThat(global.isTrusted(UsageEvent.class)).isTrue();
		assertThat(global.isTrusted(UsageEvent.Builder.class)).isTrue();
		assertThat(global.isTrusted(LimitKind.class)).isTrue();
		assertThat(global.isTrusted(String.class)).as("Avro's default trusted classes").isTrue();
		assertThat(global.isTrusted(ArrayList.class)).as("nothing beyond the schema package").isFalse();
	}

	@Test
	void everySerdeRegistersWhenBuilt() {
		// as in a JVM where nothing registered yet and the system property is not set
		ClassSecurityValidator.setGlobal(ClassSecurityValidator.DEFAULT);
		assertThat(ClassSecurityValidator.getGlobal().isTrusted(UsageEvent.class)).isFalse();

		new ConfluentAvroDeserializer<Object>().close();

		assertThat(ClassSecurityValidator.getGlobal().isTrusted(UsageEvent.class)).isTrue();

		ClassSecurityValidator.setGlobal(ClassSecurityValidator.DEFAULT);
		new ConfluentAvroSerializer<UsageEvent>().close();

		assertThat(ClassSecurityValidator.getGlobal().isTrusted(UsageEvent.class)).isTrue();
	}

	@Test
	void registeringAgainChangesNothing() {
		TrustedAvroPackages.register();
		ClassSecurityPredicate first = ClassSecurityValidator.getGlobal();

		TrustedAvroPackages.register();
		TrustedAvroPackages.register();

		assertThat(ClassSecurityValidator.getGlobal()).isSameAs(first);
	}

}
