package io.strata.avro.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.avro.registry.CompatibilityLevel;
import io.strata.avro.registry.SchemaRegistryClient;
import io.strata.avro.registry.SubjectVersion;
import io.strata.avro.schema.Contract;
import io.strata.avro.schema.LimitEvent;
import io.strata.avro.schema.UsageEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log keeps every id, version and level across restarts, and survives a torn last append. */
class SchemaRegistryRestartTest {

	@TempDir
	Path dataDir;

	@Test
	void aRestartedRegistryKeepsIdsVersionsAndConfig() {
		List<SubjectVersion> before;
		try (SchemaRegistryServer server = new SchemaRegistryServer(this.dataDir).start(0);
				SchemaRegistryClient client = new SchemaRegistryClient(server.url())) {
			client.register("usage-value", UsageEvent.getClassSchema());
			client.register("contracts-value", Contract.getClassSchema());
			client.updateSubjectCompatibility("usage-value", CompatibilityLevel.NONE);
			client.register("usage-value", LimitEvent.getClassSchema());
			client.register("limits-value", UsageEvent.getClassSchema());
			client.updateGlobalCompatibility(CompatibilityLevel.FULL);
			before = List.of(client.version("usage-value", 1), client.version("usage-value", 2),
					client.latestVersion("contracts-value"), client.latestVersion("limits-value"));
		}

		try (SchemaRegistryServer server = new SchemaRegistryServer(this.dataDir).start(0);
				SchemaRegistryClient client = new SchemaRegistryClient(server.url())) {
			assertThat(List.of(client.version("usage-value", 1), client.version("usage-value", 2),
					client.latestVersion("contracts-value"), client.latestVersion("limits-value")))
				.isEqualTo(before);
			assertThat(before).extracting(SubjectVersion::id).containsExactly(1, 3, 2, 1);
			assertThat(client.schemaById(3)).isEqualTo(LimitEvent.getClassSchema());
			assertThat(client.subjects()).containsExactly("contracts-value", "limits-value", "usage-value");
			assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
			assertThat(client.subjectCompatibility("usage-value")).isEqualTo(CompatibilityLevel.NONE);

			client.updateSubjectCompatibility("other-value", CompatibilityLevel.NONE);
			assertThat(client.register("other-value", record("Fresh"))).as("ids continue after the replayed ones")
				.isEqualTo(4);
		}
	}

	@Test
	void aTornLastAppendIsDroppedAndTheLogStaysUsable() throws IOException {
		try (SchemaRegistryServer server = new SchemaRegistryServer(this.dataDir).start(0);
				SchemaRegistryClient client = new SchemaRegistryClient(server.url())) {
			client.register("a-value", record("A"));
		}
		Path log = this.dataDir.resolve(SchemaStore.LOG_FILE);
		long complete = Files.size(log);
		Files.writeString(log, "{\"type\":\"schema\",\"id\":2,\"sub", StandardOpenOption.APPEND);

		try (SchemaRegistryServer server = new SchemaRegistryServer(this.dataDir).start(0);
				SchemaRegistryClient client = new SchemaRegistryClient(server.url())) {
			assertThat(Files.size(log)).as("the torn tail is cut off").isEqualTo(complete);
			assertThat(client.register("b-value", record("B"))).isEqualTo(2);
		}
		try (SchemaRegistryServer server = new SchemaRegistryServer(this.dataDir).start(0);
				SchemaRegistryClient client = new SchemaRegistryClient(server.url())) {
			assertThat(client.subjects()).containsExactly("a-value", "b-value");
			assertThat(client.schemaById(2)).isEqualTo(record("B"));
		}
	}

	@Test
	void aCorruptCompleteLineFailsTheStartNamingTheLine() throws IOException {
		try (SchemaRegistryServer server = new SchemaRegistryServer(this.dataDir).start(0);
				SchemaRegistryClient client = new SchemaRegistryClient(server.url())) {
			client.register("a-value", record("A"));
		}
		Path log = this.dataDir.resolve(SchemaStore.LOG_FILE);
		Files.writeString(log, "{\"type\":\"mystery\"}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

		SchemaRegistryServer server = new SchemaRegistryServer(this.dataDir);
		assertThatThrownBy(() -> server.start(0)).isInstanceOf(UncheckedIOException.class)
			.cause()
			.hasMessageContaining("line[2]")
			.hasMessageContaining("unknown entry type[mystery]");
	}

	@Test
	void anEntryThatContradictsTheOnesBeforeFailsTheStart() throws IOException {
		Files.writeString(this.dataDir.resolve(SchemaStore.LOG_FILE),
				"{\"type\":\"schema\",\"id\":5,\"subject\":\"a\",\"version\":1,\"schema\":\"\\\"int\\\"\"}\n");

		SchemaRegistryServer server = new SchemaRegistryServer(this.dataDir);
		assertThatThrownBy(() -> server.start(0)).isInstanceOf(UncheckedIOException.class)
			.hasStackTraceContaining("entry[1]")
			.hasStackTraceContaining("is not the next id[1]");
	}

	@Test
	void twoRegistriesNeverShareADataDir() {
		try (SchemaRegistryServer first = new SchemaRegistryServer(this.dataDir).start(0)) {
			SchemaRegistryServer second = new SchemaRegistryServer(this.dataDir);
			assertThatThrownBy(() -> second.start(0)).isInstanceOf(UncheckedIOException.class)
				.hasStackTraceContaining("in use by another schema registry");
			assertThat(first.url().getPort()).isPositive();
		}
	}

	private static Schema record(String name) {
		return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[]}");
	}

}
