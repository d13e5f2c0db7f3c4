package io.strata.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage path end to end, with the built applications as operating-system processes, as an
 * operator runs them: the usage gateway (with its in-process KRaft broker and schema registry)
 * and a Strata node with every cluster role. Usage events posted to the gateway's HTTP API are
 * ingested by the usage supervisor's {@code index_kafka} task and counted by the broker within a
 * second of the gateway's 202; after handoff the historical answers the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayToBrokerIT {

	private static final String TOKEN = "system-test-secret";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<Process> processes = new ArrayList<>();

	private Path directory;

	private int gatewayPort;

	private int nodePort;

	private int kafkaPort;

	private int registryPort;

	private long accepted;

	@BeforeAll
	void start(@TempDir Path directory) throws Exception {
		this.directory = directory;
		this.gatewayPort = freePort();
		this.nodePort = freePort();
		this.kafkaPort = freePort();
		this.registryPort = freePort();
		start("gateway", jar("usage-gateway"), "--server.port=" + this.gatewayPort,
				"--strata.embedded.kafka.enabled=true", "--strata.embedded.kafka.port=" + this.kafkaPort,
				"--strata.embedded.kafka.controller-port=" + freePort(),
				"--strata.embedded.kafka.directory=" + directory.resolve("kafka"),
				"--strata.embedded.registry.enabled=true", "--strata.embedded.registry.port=" + this.registryPort,
				"--strata.embedded.registry.directory=" + directory.resolve("registry"),
				"--spring.kafka.bootstrap-servers=localhost:" + this.kafkaPort,
				"--strata.gateway.schema-registry-url=http://localhost:" + this.registryPort,
				"--strata.gateway.state-dir=" + directory.resolve("gateway"),
				"--strata.gateway.key-store=" + directory.resolve("gateway/account-keys"),
				"--strata.archiver.enabled=false", "--strata.gateway.tokens[0].name=system-test",
				"--strata.gateway.tokens[0].services=*", "--strata.gateway.tokens[0].sha256=" + sha256(TOKEN));
		start("node", jar("node-services"), "--server.port=" + this.nodePort,
				"--strata.node.roles=coordinator,overlord,broker,router,historical,middleManager",
				"--strata.node.base-dir=" + directory.resolve("node"), "--strata.zk.connect=",
				"--strata.zk.embedded-port=" + freePort(), "--strata.overlord.supervisor-period=500ms",
				"--strata.coordinator.period=500ms");
		await("the gateway", Duration.ofSeconds(120), () -> get(this.gatewayPort, "/actuator/health").statusCode() == 200);
		await("the node", Duration.ofSeconds(120), () -> get(this.nodePort, "/status/health").statusCode() == 200);
	}

	@AfterAll
	void stop() throws Exception {
		for (Process process : this.processes.reversed()) {
			process.destroy();
			if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		this.http.close();
	}

	@Test
	void eventsPostedToTheGatewayAreCountedByTheBrokerWithinASecondAndAfterHandoff() throws Exception {
		String supervisor = Files.readString(Path.of("../bin/quickstart/usage-supervisor.json"))
			.replace("localhost:9092", "localhost:" + this.kafkaPort)
			.replace("http://localhost:8085", "http://localhost:" + this.registryPort)
			.replace("\"taskDuration\": \"PT10M\"", "\"taskDuration\": \"PT20S\"");
		HttpResponse<String> submitted = post(this.nodePort, "/druid/indexer/v1/supervisor", supervisor, null);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		await("the usage task to read", Duration.ofSeconds(90), () -> {
			JsonNode tasks = this.json.readTree(get(this.nodePort, "/druid/indexer/v1/supervisor/usage/status").body())
				.path("payload")
				.path("activeTasks");
			return !tasks.isEmpty() && !tasks.get(0).path("currentOffsets").isEmpty();
		});

		// the first event of the day allocates its segment: not part of the measure
		sendThroughGateway("warm-up");
		await("the first event", Duration.ofSeconds(30), () -> count() == this.accepted);
		List<Long> latencies = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			long start = System.nanoTime();
			sendThroughGateway("account-" + i);
			await("event " + i, Duration.ofSeconds(10), () -> count() == this.accepted);
			latencies.add((System.nanoTime() - start) / 1_000_000);
		}
		assertThat(latencies).as("ms from posting to the gateway to the broker counting the event")
			.allSatisfy(ms -> assertThat(ms).isLessThan(1000));

		String live = perAccount();
		await("the task group to publish and hand off", Duration.ofSeconds(120), () -> {
			JsonNode segments = this.json.readTree(
					get(this.nodePort, "/druid/coordinator/v1/datasources/usage/segments?full").body());
			return segments.isArray() && !segments.isEmpty();
		});
		await("the historical to serve it", Duration.ofSeconds(60),
				() -> get(this.nodePort, "/druid/coordinator/v1/loadstatus").body().contains("\"usage\":100"));
		assertThat(count()).isEqualTo(this.accepted);
		assertThat(perAccount()).isEqualTo(live);
	}

	private void sendThroughGateway(String account) {
		String event = """
				{"eventId": "%s", "timestamp": %d, "accountId": "%s", "apiName": "person.enrich", "statusCode": 200,
				 "latencyMs": 20, "bytes": 512}""".formatted(java.util.UUID.randomUUID(), System.currentTimeMillis(),
				account);
		HttpResponse<String> response = post(this.gatewayPort, "/v1/usage/events", event, "Bearer " + TOKEN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		this.accepted++;
	}

	private long count() {
		HttpResponse<String> response = post(this.nodePort, "/druid/v2", """
				{"queryType": "timeseries", "dataSource": "usage", "granularity": "all",
				 "intervals": ["2000-01-01/2100-01-01"],
				 "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"}]}""", null);
		if (response.statusCode() != 200) {
			return -1;
		}
		JsonNode rows = this.json.readTree(response.body());
		return rows.isEmpty() ? 0 : rows.get(0).path("result").path("calls").asLong();
	}

	private String perAccount() {
		return post(this.nodePort, "/druid/v2", """
				{"queryType": "groupBy", "dataSource": "usage", "granularity": "all",
				 "intervals": ["2000-01-01/2100-01-01"], "dimensions": ["accountId"],
				 "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"},
				                  {"type": "longSum", "name": "bytes", "fieldName": "bytes"}]}""", null).body();
	}

	private void start(String name, Path jar, String... args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-Xmx1g");
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(List.of(args));
		this.processes.add(new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve(name + ".log").toFile())
			.start());
	}

	private static Path jar(String module) throws IOException {
		try (Stream<Path> files = Files.list(Path.of("..", module, "target"))) {
			return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No " + module + "/target/*-exec.jar: run mvn verify from the root"))
				.toAbsolutePath();
		}
	}

	private HttpResponse<String> get(int port, String path) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
	}

	private HttpResponse<String> post(int port, String path, String body, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			return new Unanswered(request);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			for (Process process : this.processes) {
				if (!process.isAlive()) {
					throw new AssertionError("A process exited while waiting for " + what + "; logs in " + this.directory);
				}
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; logs in " + this.directory);
			}
			Thread.sleep(20);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String sha256(String secret) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
	}

	/** A request nobody answered (the process is still starting): status 0. */
	private record Unanswered(HttpRequest request) implements HttpResponse<String> {

		@Override
		public int statusCode() {
			return 0;
		}

		@Override
		public java.util.Optional<HttpResponse<String>> previousResponse() {
			return java.util.Optional.empty();
		}

		@Override
		public java.net.http.HttpHeaders headers() {
			return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true);
		}

		@Override
		public String body() {
			return "";
		}

		@Override
		public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
			return java.util.Optional.empty();
		}

		@Override
		public URI uri() {
			return this.request.uri();
		}

		@Override
		public HttpClient.Version version() {
			return HttpClient.Version.HTTP_1_1;
		}

	}

}
