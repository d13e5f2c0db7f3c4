package io.strata.avro.registry;

import io.strata.avro.testing.InProcessRegistryTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The client against the embedded registry: ids, versions, compatibility levels and every error code. */
class SchemaRegistryClientTest extends InProcessRegistryTest {

	private static final Schema V1 = schema("{\"name\": \"a\", \"type\": \"int\"}");

	/** Adds a field without a default: a v2 reader cannot read v1 data, a v1 reader can read v2 data. */
	private static final Schema REQUIRED_FIELD_ADDED = schema(
			"{\"name\": \"a\", \"type\": \"int\"}, {\"name\": \"b\", \"type\": \"string\"}");

	@Test
	void idsAreGlobalIncreasingAndStableForTheSameSchema() {
		int first = this.client.register("a-value", V1);
		int again = this.client.register("a-value", V1.toString().replace(",", ",\n  "));
		int otherSubject = this.client.register("b-value", V1);
		int second = this.client.register("a-value", schema("{\"name\": \"a\", \"type\": \"int\"}, "
				+ "{\"name\": \"b\", \"type\": \"string\", \"default\": \"\"}"));

		assertThat(first).isEqualTo(1);
		assertThat(again).as("identical schema, even pretty-printed").isEqualTo(first);
		assertThat(otherSubject).as("ids are registry-wide").isEqualTo(first);
		assertThat(second).isEqualTo(2);
		assertThat(this.client.versions("a-value")).containsExactly(1, 2);
		assertThat(this.client.versions("b-value")).containsExactly(1);
		assertThat(this.client.subjects()).containsExactly("a-value", "b-value");
		assertThat(this.client.latestVersion("a-value")).satisfies(latest -> {
			assertThat(latest.subject()).isEqualTo("a-value");
			assertThat(latest.version()).isEqualTo(2);
			assertThat(latest.id()).isEqualTo(2);
		});
		assertThat(this.client.version("a-value", 1).parsedSchema()).isEqualTo(V1);
		assertThat(this.client.lookup("b-value", V1).version()).isEqualTo(1);
	}

	@Test
	void schemasAreFetchedByIdFromAFreshClient() {
		int id = this.client.register("a-value", V1);

		try (SchemaRegistryClient fresh = new SchemaRegistryClient(this.server.url())) {
			assertThat(fresh.schemaById(id)).isEqualTo(V1);
			assertThat(fresh.schemaById(id)).as("cached").isSameAs(fresh.schemaById(id));
		}
	}

	@Test
	void anIncompatibleSchemaIsRefusedWith409UntilTheLevelIsNone() {
		this.client.register("s-value", V1);

		assertThat(this.client.isCompatible("s-value", REQUIRED_FIELD_ADDED)).isFalse();
		assertThatThrownBy(() -> this.client.register("s-value", REQUIRED_FIELD_ADDED))
			.isInstanceOfSatisfying(SchemaRegistryException.class, ex -> {
				assertThat(ex.httpStatus()).isEqualTo(409);
				assertThat(ex.errorCode()).isEqualTo(409);
				assertThat(ex.is(RegistryError.INCOMPATIBLE_SCHEMA)).isTrue();
				assertThat(ex.getMessage()).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("b");
			});
		assertThat(this.client.versions("s-value")).containsExactly(1);

		assertThat(this.client.updateSubjectCompatibility("s-value", CompatibilityLevel.NONE))
			.isEqualTo(CompatibilityLevel.NONE);
		assertThat(this.client.subjectCompatibility("s-value")).isEqualTo(CompatibilityLevel.NONE);
		assertThat(this.client.isCompatible("s-value", REQUIRED_FIELD_ADDED)).isTrue();
		this.client.register("s-value", REQUIRED_FIELD_ADDED);
		assertThat(this.client.versions("s-value")).containsExactly(1, 2);
		assertThat(this.client.globalCompatibility()).as("only the subject changed").isEqualTo(CompatibilityLevel.BACKWARD);
	}

	@Test
	void forwardAllowsWhatBackwardRefusesAndFullRefusesBoth() {
		this.client.register("fwd-value", V1);
		this.client.register("full-value", V1);
		this.client.updateSubjectCompatibility("fwd-value", CompatibilityLevel.FORWARD);
		this.client.updateSubjectCompatibility("full-value", CompatibilityLevel.FULL);

		assertThat(this.client.register("fwd-value", REQUIRED_FIELD_ADDED)).isPositive();
		assertThatThrownBy(() -> this.client.register("full-value", REQUIRED_FIELD_ADDED))
			.isInstanceOfSatisfying(SchemaRegistryException.class, ex -> assertThat(ex.errorCode()).isEqualTo(409));
	}

	@Test
	void transitiveLevelsCheckEveryEarlierVersion() {
		Schema dropped = schema("{\"name\": \"c\", \"type\": \"long\", \"default\": 0}");
		// readable after 'dropped' (a gets its default) but not after V1 (a changes type)
		Schema retyped = schema("{\"name\": \"a\", \"type\": \"string\", \"default\": \"\"}, "
				+ "{\"name\": \"c\", \"type\": \"long\", \"default\": 0}");
		for (String subject : new String[] { "plain-value", "transitive-value" }) {
			this.client.register(subject, V1);
			this.client.register(subject, dropped);
		}
		this.client.updateSubjectCompatibility("transitive-value", CompatibilityLevel.BACKWARD_TRANSITIVE);

		assertThat(this.client.register("plain-value", retyped)).isPositive();
		assertThatThrownBy(() -> this.client.register("transitive-value", retyped))
			.isInstanceOfSatisfying(SchemaRegistryException.class, ex -> {
				assertThat(ex.errorCode()).isEqualTo(409);
				assertThat(ex.getMessage()).contains("version 1");
			});
		assertThat(this.client.isCompatible("transitive-value", 2, retyped)).as("checked against version 2 only")
			.isTrue();
	}

	@Test
	void theGlobalLevelIsBackwardUntilChanged() {
		assertThat(this.client.globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
		assertThat(this.client.subjectCompatibility("any-value")).isEqualTo(CompatibilityLevel.BACKWARD);

		assertThat(this.client.updateGlobalCompatibility(CompatibilityLevel.FULL_TRANSITIVE))
			.isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);

		assertThat(this.client.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
		assertThat(this.client.subjectCompatibility("any-value")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
	}

	@Test
	void notFoundErrorsCarryConfluentsCodes() {
		this.client.register("known-value", V1);

		assertError(() -> this.client.latestVersion("unknown-value"), 404, 40401);
		assertError(() -> this.client.versions("unknown-value"), 404, 40401);
		assertError(() -> this.client.lookup("unknown-value", V1), 404, 40401);
		assertError(() -> this.client.isCompatible("unknown-value", V1), 404, 40401);
		assertError(() -> this.client.version("known-value", 2), 404, 40402);
		assertError(() -> this.client.schemaById(99), 404, 40403);
		assertError(() -> this.client.lookup("known-value", REQUIRED_FIELD_ADDED), 404, 40403);
	}

	@Test
	void anInvalidSchemaIsRefusedWith42201() {
		assertError(() -> this.client.register("bad-value", "{not json"), 422, 42201);
		assertError(() -> this.client.register("bad-value",
				"{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a\", \"type\": \"no-such-type\"}]}"),
				422, 42201);
		assertError(() -> this.client.register("bad-value",
				"{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a\", \"type\": \"int\", \"default\": \"x\"}]}"),
				422, 42201);
		assertError(() -> this.client.versions("bad-value"), 404, 40401);
	}

	@Test
	void anUnreachableRegistryIsReportedAsNoAnswer() {
		URI url = this.server.url();
		this.server.close();

		try (SchemaRegistryClient unreachable = new SchemaRegistryClient(url, Duration.ofSeconds(2))) {
			assertThatThrownBy(() -> unreachable.subjects()).isInstanceOfSatisfying(SchemaRegistryException.class, ex -> {
				assertThat(ex.answered()).isFalse();
				assertThat(ex.getMessage()).contains(url.toString()).contains("GET /subjects");
			});
		}
	}

	@Test
	void subjectsWithReservedCharactersTravelEncoded() {
		String subject = "team a/usage+events-value";

		int id = this.client.register(subject, V1);

		assertThat(this.client.subjects()).containsExactly(subject);
		assertThat(this.client.latestVersion(subject).id()).isEqualTo(id);
		assertThat(this.client.latestVersion(subject).subject()).isEqualTo(subject);
	}

	private static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status, int code) {
		assertThatThrownBy(call).isInstanceOfSatisfying(SchemaRegistryException.class, ex -> {
			assertThat(ex.httpStatus()).as(ex.getMessage()).isEqualTo(status);
			assertThat(ex.errorCode()).as(ex.getMessage()).isEqualTo(code);
			assertThat(ex.answered()).isTrue();
		});
	}

	private static Schema schema(String fields) {
		return new Schema.Parser()
			.parse("{\"type\": \"record\", \"name\": \"R\", \"namespace\": \"io.strata.test\", \"fields\": [" + fields + "]}");
	}

}
