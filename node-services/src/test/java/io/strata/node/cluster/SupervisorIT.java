package io.strata.node.cluster;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.strata.node.metadata.DataSourceMetadataStore;
import io.strata.node.metadata.StreamOffsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Druid's supervisor API on an overlord (real ZooKeeper, H2 metadata): specs are validated,
 * stored with their history, suspended, resumed, reset and terminated. No Kafka answers at the
 * specs' bootstrap address, so the supervisors never get to run tasks and stay {@code PENDING}
 * here; {@link StreamingIngestionIT} runs them against a broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisorIT {

	private static final String API = "/druid/indexer/v1/supervisor";

	private static final String SPEC = """
			{"type": "kafka",
			 "spec": {
			   "dataSchema": {"dataSource": "%s",
			     "timestampSpec": {"column": "ts", "format": "iso"},
			     "dimensionsSpec": {"dimensions": ["account", "meter"]},
			     "metricsSpec": [{"type": "count", "name": "count"}, {"type": "longSum", "name": "units", "fieldName": "units"}],
			     "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "minute"}},
			   "ioConfig": {"topic": "usage", "consumerProperties": {"bootstrap.servers": "127.0.0.1:9"},
			     "taskCount": 1, "replicas": 2, "taskDuration": "PT10M", "useEarliestOffset": true,
			     "completionTimeout": "PT5M", "lateMessageRejectionPeriod": "PT1H",
			     "inputFormat": {"type": "avro_stream", "avroBytesDecoder": {"type": "schema_registry", "url": "http://localhost:8081"}}},
			   "tuningConfig": {"type": "kafka", "maxRowsInMemory": 100000, "maxRowsPerSegment": 1000000,
			     "intermediatePersistPeriod": "PT1M", "maxParseExceptions": 10}}}""";

	private final JsonMapper json = JsonMapper.builder().build();

	private TestCluster cluster;

	@BeforeAll
	void startCluster(@TempDir Path directory) throws Exception {
		this.cluster = new TestCluster(directory, TestCluster.Metadata.H2, TestCluster.DeepStorage.LOCAL);
		this.cluster.start("overlord", "overlord", Map.of());
		TestCluster.await("the overlord to lead", Duration.ofSeconds(60),
				() -> this.cluster.get("overlord", "/druid/indexer/v1/isLeader").statusCode() == 200);
	}

	@AfterAll
	void stopCluster() throws Exception {
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	@Test
	void aSpecIsStoredSuspendedResumedResetAndTerminatedWithItsHistory() {
		assertThat(ok(post(API, SPEC.formatted("usage"))).path("id").asString()).isEqualTo("usage");
		assertThat(strings(ok(get(API)))).contains("usage");
		JsonNode spec = ok(get(API + "/usage"));
		assertThat(spec.path("type").asString()).isEqualTo("kafka");
		assertThat(spec.path("id").asString()).isEqualTo("usage");
		assertThat(spec.path("suspended").asBoolean()).isFalse();
		assertThat(spec.path("spec").path("ioConfig").path("replicas").asInt()).isEqualTo(2);

		JsonNode status = ok(get(API + "/usage/status"));
		assertThat(status.path("id").asString()).isEqualTo("usage");
		assertThat(status.path("generationTime").asString()).endsWith("Z");
		JsonNode payload = status.path("payload");
		assertThat(payload.path("dataSource").asString()).isEqualTo("usage");
		assertThat(payload.path("stream").asString()).isEqualTo("usage");
		assertThat(payload.path("replicas").asInt()).isEqualTo(2);
		assertThat(payload.path("durationSeconds").asLong()).isEqualTo(600);
		assertThat(payload.path("state").asString()).isEqualTo("PENDING");
		assertThat(payload.path("activeTasks")).isEmpty();

		assertThat(ok(post(API + "/usage/suspend", "")).path("suspended").asBoolean()).isTrue();
		assertThat(ok(get(API + "/usage/status")).path("payload").path("state").asString()).isEqualTo("SUSPENDED");
		HttpResponse<String> again = post(API + "/usage/suspend", "");
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("already suspended");
		JsonNode full = ok(get(API + "?full"));
		JsonNode entry = full.valueStream().filter(e -> e.path("id").asString().equals("usage")).findFirst().orElseThrow();
		assertThat(entry.path("state").asString()).isEqualTo("SUSPENDED");
		assertThat(entry.path("spec").path("suspended").asBoolean()).isTrue();
		assertThat(ok(post(API + "/usage/resume", "")).path("suspended").asBoolean()).isFalse();

		// a resubmitted spec is one more version
		ObjectNode changed = (ObjectNode) this.json.readTree(SPEC.formatted("usage"));
		((ObjectNode) changed.path("spec").path("ioConfig")).put("taskCount", 3);
		ok(post(API, this.json.writeValueAsString(changed)));
		JsonNode history = ok(get(API + "/usage/history"));
		assertThat(history).hasSize(4);
		assertThat(history.get(0).path("spec").path("spec").path("ioConfig").path("taskCount").asInt()).isEqualTo(3);
		assertThat(history.get(1).path("spec").path("suspended").asBoolean()).isFalse();
		assertThat(history.get(2).path("spec").path("suspended").asBoolean()).isTrue();
		assertThat(history.get(3).path("version").asString()).endsWith("Z");

		// reset forgets the committed offsets
		DataSourceMetadataStore offsets = this.cluster.bean("overlord", DataSourceMetadataStore.class);
		assertThat(offsets.compareAndSwap("usage", Optional.empty(), StreamOffsets.of("usage", Map.of(0, 42L)))).isTrue();
		assertThat(ok(post(API + "/usage/reset", "")).path("id").asString()).isEqualTo("usage");
		assertThat(offsets.read("usage")).isEmpty();

		assertThat(ok(post(API + "/usage/terminate", "")).path("id").asString()).isEqualTo("usage");
		assertThat(strings(ok(get(API)))).doesNotContain("usage");
		assertThat(get(API + "/usage").statusCode()).isEqualTo(404);
		JsonNode all = ok(get(API + "/history"));
		assertThat(all.path("usage")).hasSize(5);
		assertThat(all.path("usage").get(0).path("spec").path("type").asString()).isEqualTo("NoopSupervisorSpec");
	}

	@Test
	void badSpecsAreRefusedNamingTheField() {
		assertError(SPEC.formatted("bad").replace("\"topic\": \"usage\", ", ""), "spec.ioConfig.topic");
		assertError(SPEC.formatted("bad").replace("\"bootstrap.servers\": \"127.0.0.1:9\"", ""),
				"spec.ioConfig.consumerProperties.bootstrap.servers");
		assertError(SPEC.formatted("bad").replace("PT10M", "10 minutes"), "spec.ioConfig.taskDuration");
		assertError(SPEC.formatted("bad").replace("\"replicas\": 2", "\"replicas\": 0"), "spec.ioConfig.replicas");
		assertError(SPEC.formatted("bad").replace("\"type\": \"avro_stream\"", "\"type\": \"csv\""),
				"spec.ioConfig.inputFormat.type");
		assertError(SPEC.formatted("bad").replace("\"type\": \"schema_registry\"", "\"type\": \"schema_inline\""),
				"spec.ioConfig.inputFormat.avroBytesDecoder.type");
		assertError(SPEC.formatted("bad").replace("\"maxParseExceptions\": 10", "\"maxParseExceptions\": \"many\""),
				"spec.tuningConfig.maxParseExceptions");
		assertError(SPEC.formatted("bad").replace("\"type\": \"kafka\",\n", "\"type\": \"kinesis\",\n"), "type");
		assertError(SPEC.formatted("bad").replace("\"dataSource\": \"bad\",", ""), "spec.dataSchema.dataSource");
		assertThat(strings(ok(get(API)))).doesNotContain("bad");

		for (String path : List.of("/none", "/none/status", "/none/history")) {
			HttpResponse<String> missing = get(API + path);
			assertThat(missing.statusCode()).as(path).isEqualTo(404);
			assertThat(missing.body()).contains("Supervisor[none] does not exist");
		}
		assertThat(post(API + "/none/suspend", "").statusCode()).isEqualTo(404);
		assertThat(post(API + "/none/reset", "").statusCode()).isEqualTo(404);
	}

	private void assertError(String spec, String field) {
		HttpResponse<String> response = post(API, spec);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode error = this.json.readTree(response.body());
		assertThat(error.path("error").asString()).isEqualTo("druidException");
		assertThat(error.path("errorMessage").asString()).contains("[" + field + "]");
	}

	private HttpResponse<String> get(String path) {
		return this.cluster.get("overlord", path);
	}

	private HttpResponse<String> post(String path, String body) {
		return this.cluster.post("overlord", path, body);
	}

	private JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.asString()));
		return values;
	}

}
