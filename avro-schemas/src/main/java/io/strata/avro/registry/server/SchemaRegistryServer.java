package io.strata.avro.registry.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Confluent-compatible schema registry on the JDK's HTTP server, for the embedded default and
 * for tests: the paths, bodies, status and error codes of Confluent's REST API (subjects and
 * versions, schemas by id, compatibility checks, config), BACKWARD compatibility by default,
 * state in an append-only log under the data dir so that a restart keeps every id.
 *
 * <p>
 * Lifecycle: construct with a data dir, {@link #start(int)} once, {@link #close()} (idempotent).
 * Requests run on virtual threads; the store serializes changes.
 */
public final class SchemaRegistryServer implements AutoCloseable {

	/** The port Confluent's registry listens on by default. */
	public static final int DEFAULT_PORT = 8081;

	private final Path dataDir;

	private final Object lifecycle = new Object();

	private Running running;

	private boolean closed;

	public SchemaRegistryServer(Path dataDir) {
		this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
	}

	/** Opens the store and serves on {@code port} of the loopback interface; 0 picks a free port. */
	public SchemaRegistryServer start(int port) {
		return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
	}

	/** Opens the store and serves on {@code address} (port 0 picks a free port). */
	public SchemaRegistryServer start(InetSocketAddress address) {
		synchronized (this.lifecycle) {
			if (this.running != null || this.closed) {
				throw new IllegalStateException("Schema registry on data dir[" + this.dataDir + "] was started already or is closed");
			}
			SchemaStore store;
			try {
				store = SchemaStore.open(this.dataDir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Schema registry cannot open data dir[" + this.dataDir + "]", ex);
			}
			try {
				HttpServer http = HttpServer.create(address, 0);
				ObjectMapper json = new ObjectMapper();
				http.createContext("/", new RegistryHttpHandler(new RegistryRoutes(store, json), json));
				ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
				http.setExecutor(executor);
				http.start();
				this.running = new Running(http, executor, store);
				return this;
			}
			catch (IOException ex) {
				closeQuietly(store, ex);
				throw new UncheckedIOException("Schema registry cannot listen on[" + address + "]", ex);
			}
			catch (RuntimeException ex) {
				closeQuietly(store, ex);
				throw ex;
			}
		}
	}

	/** The root URL clients use, e.g. {@code http://127.0.0.1:8081}. */
	public URI url() {
		InetSocketAddress address = running().http().getAddress();
		InetAddress host = address.getAddress();
		String name = host.isAnyLocalAddress() ? "localhost"
				: (host instanceof Inet6Address) ? "[" + host.getHostAddress() + "]" : host.getHostAddress();
		return URI.create("http://" + name + ":" + address.getPort());
	}

	/** The port the server listens on. */
	public int port() {
		return running().http().getAddress().getPort();
	}

	/** Stops serving, waits for requests in flight, and closes the store. */
	@Override
	public void close() {
		synchronized (this.lifecycle) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			if (this.running == null) {
				return;
			}
			this.running.http().stop(0);
			// close() waits for handlers still running, so none writes to a closed store
			this.running.executor().close();
			try {
				this.running.store().close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Schema registry could not close its log in[" + this.dataDir + "]", ex);
			}
		}
	}

	private Running running() {
		synchronized (this.lifecycle) {
			if (this.running == null || this.closed) {
				throw new IllegalStateException("Schema registry on data dir[" + this.dataDir + "] is not running");
			}
			return this.running;
		}
	}

	private static void closeQuietly(SchemaStore store, Exception failure) {
		try {
			store.close();
		}
		catch (IOException ex) {
			failure.addSuppressed(ex);
		}
	}

	/**
	 * Runs the registry standalone until the process is stopped: {@code --data-dir DIR} (required),
	 * {@code --port N} (default 8081), {@code --host H} (default 127.0.0.1; 0.0.0.0 for every
	 * interface).
	 */
	public static void main(String[] args) {
		ServerArguments arguments;
		try {
			arguments = ServerArguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(ServerArguments.USAGE);
			System.exit(2);
			return;
		}
		SchemaRegistryServer server = new SchemaRegistryServer(arguments.dataDir())
			.start(new InetSocketAddress(arguments.host(), arguments.port()));
		Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::close));
		// the HTTP server's dispatcher thread keeps the JVM alive until it is stopped
		System.out.println("Schema registry listening on " + server.url() + " with data dir " + arguments.dataDir());
	}

	private record Running(HttpServer http, ExecutorService executor, SchemaStore store) {

	}

}
