package io.strata.node.overlord;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.strata.engine.error.StrataException;
import org.springframework.http.ResponseEntity;

/** Fetches what only a worker has (task logs and reports) over its HTTP API. Thread-safe. */
final class WorkerClient implements AutoCloseable {

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	/** The worker's answer as is (status, body, content type). */
	ResponseEntity<String> get(String worker, String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + worker + path))
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			ResponseEntity.BodyBuilder answer = ResponseEntity.status(response.statusCode());
			response.headers().firstValue("Content-Type").ifPresent(type -> answer.header("Content-Type", type));
			return answer.body(response.body());
		}
		catch (IOException ex) {
			throw StrataException.unavailable("Worker[%s] did not answer: %s", worker, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw StrataException.interrupted("Interrupted while asking worker[%s]", worker);
		}
	}

	@Override
	public void close() {
		this.http.close();
	}

}
