package io.strata.benchmarks.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.strata.engine.error.StrataException;

/**
 * Posts native queries to a broker's {@code /druid/v2}, as the dashboard's broker client will:
 * HTTP/1.1, a pool of keep-alive connections shared by every thread. Thread-safe.
 */
final class BrokerClient implements AutoCloseable {

	/** A query's answer as the client saw it. */
	record Reply(int status, String body) {

	}

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final URI queryUri;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	BrokerClient(String brokerUrl) {
		this.queryUri = URI.create(brokerUrl + "/druid/v2");
	}

	/**
	 * Sends {@code queryJson} and waits for the whole answer.
	 * @throws StrataException (I/O) when the broker cannot be reached or the exchange breaks off
	 */
	Reply query(String queryJson) {
		HttpRequest request = HttpRequest.newBuilder(this.queryUri)
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(queryJson))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Query to broker[%s] failed", this.queryUri);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw StrataException.interrupted("Interrupted waiting for broker[%s]", this.queryUri);
		}
	}

	@Override
	public void close() {
		this.http.close();
	}

}
