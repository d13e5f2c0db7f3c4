package io.strata.gateway.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake usage gateway on the JDK's HTTP server: records every request to
 * {@code /v1/usage/events} and answers with the replies scripted for it, in order, then with 202
 * {@code {"accepted": n}}. A reply may also drop the connection without an answer, or hold the
 * request until released. Thread-safe (one lock).
 */
final class TestingUsageGateway implements AutoCloseable {

	/** One request as received. */
	record Received(String authorization, List<JsonNode> events, long arrivalNanos) {

		List<String> eventIds() {
			return this.events.stream().map(event -> event.path("eventId").asString()).toList();
		}

	}

	/** What the fake does with a request. */
	record Reply(int status, Map<String, String> headers, String body, boolean dropConnection, CountDownLatch hold) {

		static Reply status(int status, String body) {
			return new Reply(status, Map.of(), body, false, null);
		}

		static Reply status(int status, String body, Map<String, String> headers) {
			return new Reply(status, headers, body, false, null);
		}

		/** Closes the connection without an answer: the client sees an I/O error. */
		static Reply disconnect() {
			return new Reply(0, Map.of(), "", true, null);
		}

		/** Holds the request until {@code release} is counted down, then accepts it. */
		static Reply acceptAfter(CountDownLatch release) {
			return new Reply(202, Map.of(), null, false, release);
		}

	}

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final Deque<Function<Received, Reply>> script = new ArrayDeque<>();

	private final List<Received> received = new ArrayList<>();

	private Function<Received, Reply> otherwise = request -> accept(request.events().size());

	TestingUsageGateway() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/v1/usage/events", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** Answers the next unscripted request so. */
	synchronized TestingUsageGateway then(Reply reply) {
		this.script.addLast(request -> reply);
		return this;
	}

	/** Answers the next unscripted request with what {@code reply} makes of it. */
	synchronized TestingUsageGateway then(Function<Received, Reply> reply) {
		this.script.addLast(reply);
		return this;
	}

	/** Answers every unscripted request with what {@code reply} makes of it (by default 202). */
	synchronized TestingUsageGateway otherwise(Function<Received, Reply> reply) {
		this.otherwise = reply;
		return this;
	}

	synchronized List<Received> received() {
		return List.copyOf(this.received);
	}

	/** Waits until at least {@code count} requests arrived; fails after {@code timeout}. */
	List<Received> awaitRequests(int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this) {
			while (this.received.size() < count) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("expected " + count + " requests within " + timeout + ", got "
							+ this.received.size());
				}
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
			return List.copyOf(this.received);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			List<JsonNode> events = new ArrayList<>();
			this.json.readTree(body).forEach(events::add);
			Received request = new Received(exchange.getRequestHeaders().getFirst("Authorization"), events,
					System.nanoTime());
			Function<Received, Reply> next;
			synchronized (this) {
				this.received.add(request);
				next = this.script.isEmpty() ? this.otherwise : this.script.pollFirst();
				notifyAll();
			}
			Reply reply = next.apply(request);
			if (reply.dropConnection()) {
				// closing without response headers closes the connection
				return;
			}
			if (reply.hold() != null) {
				awaitRelease(reply.hold());
			}
			String text = reply.body() != null ? reply.body() : "{\"accepted\": " + events.size() + "}";
			byte[] answer = text.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders()
				.add("Content-Type", reply.status() == 202 ? "application/json" : "application/problem+json");
			reply.headers().forEach(exchange.getResponseHeaders()::add);
			exchange.sendResponseHeaders(reply.status(), answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		}
	}

	private static Reply accept(int events) {
		return Reply.status(202, "{\"accepted\": " + events + "}");
	}

	private static void awaitRelease(CountDownLatch release) {
		try {
			if (!release.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("a held request was never released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
