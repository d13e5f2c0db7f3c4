package io.strata.benchmarks.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Several client threads, each posting pre-built batches to {@code /v1/usage/events} back to back
 * (the next as soon as the last is answered) until the phase ends. Shares one HTTP/1.1 client, so
 * each thread keeps one connection of the pool busy. Threading: {@link #run} is called by one
 * thread at a time and starts and joins the client threads itself.
 */
final class HttpLoad {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final URI endpoint;

	private final String authorization;

	private final List<byte[]> bodies;

	private final int batchSize;

	private final int clients;

	HttpLoad(URI gateway, String token, List<byte[]> bodies, int batchSize, int clients) {
		this.endpoint = gateway.resolve("/v1/usage/events");
		this.authorization = "Bearer " + token;
		this.bodies = List.copyOf(bodies);
		this.batchSize = batchSize;
		this.clients = clients;
	}

	/** Drives the gateway for {@code duration}; each thread starts at its own place in the bodies. */
	HttpPhase run(Duration duration, int round) throws InterruptedException {
		List<RequestLog> logs = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		for (int c = 0; c < this.clients; c++) {
			RequestLog log = new RequestLog();
			int first = (c * this.bodies.size() / this.clients + round * 7) % this.bodies.size();
			logs.add(log);
			threads.add(Thread.ofPlatform().name("http-client-" + c).start(() -> drive(first, deadline, log)));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return HttpPhase.of((System.nanoTime() - start) / 1e9, logs);
	}

	private void drive(int first, long deadline, RequestLog log) {
		String accepted = "\"accepted\":" + this.batchSize;
		for (int i = first; System.nanoTime() < deadline; i = (i + 1) % this.bodies.size()) {
			HttpRequest request = HttpRequest.newBuilder(this.endpoint)
				.header("Content-Type", "application/json")
				.header("Authorization", this.authorization)
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofByteArray(this.bodies.get(i)))
				.build();
			long sent = System.nanoTime();
			try {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				long elapsed = System.nanoTime() - sent;
				if (response.statusCode() == 202 && response.body().replace(" ", "").contains(accepted)) {
					log.accepted(this.batchSize, elapsed);
				}
				else {
					log.failed(elapsed, "HTTP " + response.statusCode() + ": " + response.body());
				}
			}
			catch (IOException ex) {
				log.failed(System.nanoTime() - sent, ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
