package io.strata.node.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.strata.node.StrataNodeApplication;
import io.strata.node.testing.TestingMariaDb;
import io.strata.s3.TestingS3Server;
import org.apache.curator.test.TestingServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole cluster in this JVM: an in-process ZooKeeper, a metadata store (an H2 file or a fresh
 * database on the local MariaDB), deep storage (a directory or an in-process S3 server), and
 * node processes, each a Spring context of the real application on its own port.
 */
final class TestCluster implements AutoCloseable {

	enum Metadata {

		H2, MARIADB

	}

	enum DeepStorage {

		LOCAL, S3

	}

	private final Path directory;

	private final TestingServer zk;

	private final TestingMariaDb mariaDb;

	private final TestingS3Server s3;

	private final Map<String, String> common = new LinkedHashMap<>();

	private final Map<String, ConfigurableApplicationContext> nodes = new LinkedHashMap<>();

	private final HttpClient http = HttpClient.newHttpClient();

	private final Map<String, Process> processes = new LinkedHashMap<>();

	private final Map<String, Integer> processPorts = new LinkedHashMap<>();

	TestCluster(Path directory, Metadata metadata, DeepStorage deepStorage) throws Exception {
		this.directory = directory;
		this.zk = new TestingServer(true);
		this.mariaDb = metadata == Metadata.MARIADB ? TestingMariaDb.create() : null;
		this.s3 = deepStorage == DeepStorage.S3 ? TestingS3Server.start() : null;
		this.common.put("server.port", "0");
		this.common.put("spring.main.banner-mode", "off");
		this.common.put("logging.level.root", "WARN");
		this.common.put("logging.level.io.strata", "INFO");
		this.common.put("strata.zk.connect", this.zk.getConnectString());
		this.common.put("strata.zk.session-timeout", "10s");
		this.common.put("strata.coordinator.period", "150ms");
		this.common.put("strata.server.processing-threads", "2");
		if (this.mariaDb != null) {
			this.common.put("spring.datasource.url", this.mariaDb.url());
			this.common.put("spring.datasource.username", this.mariaDb.user());
			this.common.put("spring.datasource.password", this.mariaDb.password());
		}
		else {
			this.common.put("spring.datasource.url", "jdbc:h2:file:" + directory.resolve("metadata/strata").toAbsolutePath()
					+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
		}
		if (this.s3 != null) {
			this.common.put("strata.deep-storage.type", "s3");
			this.common.put("strata.deep-storage.s3.bucket", this.s3.bucket());
			this.common.put("strata.deep-storage.s3.endpoint", this.s3.endpoint().toString());
			this.common.put("strata.deep-storage.s3.path-style-access", "true");
			this.common.put("strata.deep-storage.s3.access-key", this.s3.settings().accessKey());
			this.common.put("strata.deep-storage.s3.secret-key", this.s3.settings().secretKey());
		}
		else {
			this.common.put("strata.deep-storage.directory", directory.resolve("deep-storage").toString());
		}
	}

	/** Starts a node process named {@code name} running {@code roles}, with extra properties. */
	ConfigurableApplicationContext start(String name, String roles, Map<String, String> extra) {
		return start(name, roles, extra, context -> {
		});
	}

	/** As {@link #start(String, String, Map)}, with test-only beans registered by {@code initializer}. */
	ConfigurableApplicationContext start(String name, String roles, Map<String, String> extra,
			ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
		Map<String, Object> properties = new LinkedHashMap<>(this.common);
		properties.put("strata.node.roles", roles);
		properties.put("strata.node.base-dir", this.directory.resolve(name).toString());
		properties.putAll(extra);
		// as command-line arguments: they must win over application.properties, as an operator's would
		ConfigurableApplicationContext context = new SpringApplicationBuilder(StrataNodeApplication.class)
			.initializers(initializer)
			.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
		this.nodes.put(name, context);
		return context;
	}

	/**
	 * Starts a node as an operating-system process of the built application jar (so that a test
	 * can kill it as abruptly as a crash: no shutdown hook runs), on a free port; returns once it
	 * answers {@code /status}. Its output goes to {@code <name>.log} in the cluster directory.
	 */
	Process startProcess(String name, String roles, Map<String, String> extra) throws Exception {
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Map<String, Object> properties = new LinkedHashMap<>(this.common);
		properties.put("server.port", Integer.toString(port));
		properties.put("strata.node.roles", roles);
		properties.put("strata.node.base-dir", this.directory.resolve(name).toString());
		properties.putAll(extra);
		java.util.List<String> command = new java.util.ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-Xmx768m");
		command.add("-jar");
		command.add(applicationJar().toString());
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve(name + ".log").toFile())
			.start();
		this.processes.put(name, process);
		this.processPorts.put(name, port);
		await(name + " to answer", Duration.ofSeconds(90), () -> {
			if (!process.isAlive()) {
				throw new AssertionError(name + " exited; see " + this.directory.resolve(name + ".log"));
			}
			try {
				return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/status")).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (Exception ex) {
				return false;
			}
		});
		return process;
	}

	/** Kills a process node at once (SIGKILL): no clean shutdown, as a crash. */
	void kill(String name) throws InterruptedException {
		Process process = this.processes.remove(name);
		if (process != null) {
			process.destroyForcibly().waitFor();
		}
	}

	int processPort(String name) {
		return this.processPorts.get(name);
	}

	private static Path applicationJar() throws java.io.IOException {
		try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("target"))) {
			return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No target/*-exec.jar: run the tests with mvn verify"))
				.toAbsolutePath();
		}
	}

	ConfigurableApplicationContext node(String name) {
		return this.nodes.get(name);
	}

	int port(String name) {
		return ((WebServerApplicationContext) this.nodes.get(name)).getWebServer().getPort();
	}

	String url(String name) {
		return "http://localhost:" + port(name);
	}

	<T> T bean(String name, Class<T> type) {
		return this.nodes.get(name).getBean(type);
	}

	/** Stops the node's web server only: it stays announced in ZooKeeper but answers nothing, as a hung or dead process. */
	void cutOff(String name) {
		((WebServerApplicationContext) this.nodes.get(name)).getWebServer().stop();
	}

	void stop(String name) {
		ConfigurableApplicationContext context = this.nodes.remove(name);
		if (context != null) {
			context.close();
		}
	}

	HttpResponse<String> post(String name, String path, String body) {
		return send(HttpRequest.newBuilder(URI.create(url(name) + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	HttpResponse<String> get(String name, String path) {
		return send(HttpRequest.newBuilder(URI.create(url(name) + path)).GET().build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Request " + request.uri() + " failed", ex);
		}
	}

	static void await(String what, Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted waiting for " + what);
			}
		}
	}

	@Override
	public void close() throws java.io.IOException {
		for (Process process : this.processes.values()) {
			process.destroyForcibly();
		}
		for (String name : new java.util.ArrayList<>(this.nodes.keySet()).reversed()) {
			stop(name);
		}
		this.http.close();
		if (this.s3 != null) {
			this.s3.close();
		}
		if (this.mariaDb != null) {
			this.mariaDb.close();
		}
		this.zk.close();
	}

}
