package io.strata.node.broker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Sends segment-scoped queries to data servers over HTTP ({@code POST <server>/druid/v2}),
 * asynchronously, so the broker waits for all servers at once. Thread-safe.
 */
public final class DataServerClient implements AutoCloseable {

	/** A data server's reply: status, body, response context header (or null). */
	public record Reply(int status, String body, String responseContext) {

	}

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	/** Completes with the reply, or exceptionally with an {@link IOException} when the server cannot be reached. */
	public CompletableFuture<Reply> query(String serverUrl, String queryJson, Duration timeout) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(serverUrl + "/druid/v2"))
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(queryJson))
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
			.thenApply(response -> new Reply(response.statusCode(), response.body(),
					response.headers().firstValue("X-Druid-Response-Context").orElse(null)));
	}

	@Override
	public void close() {
		this.http.close();
	}

}
