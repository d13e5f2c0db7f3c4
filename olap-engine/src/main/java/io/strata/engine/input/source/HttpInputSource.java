package io.strata.engine.input.source;

import io.strata.engine.error.StrataException;
import io.strata.engine.input.InputEntity;
import io.strata.engine.input.InputSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * {@code {"type":"http","uris":[...]}}: objects fetched with HTTP GET, one entity per URI, with
 * optional basic authentication ({@code httpAuthenticationUsername} and {@code
 * httpAuthenticationPassword}). The password never appears in names or messages.
 * @param username null for no authentication
 */
public record HttpInputSource(List<URI> uris, String username, String password) implements InputSource {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

	public HttpInputSource {
		uris = List.copyOf(uris);
		if (uris.isEmpty()) {
			throw new IllegalArgumentException("uris must not be empty");
		}
		for (URI uri : uris) {
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https")) {
				throw new IllegalArgumentException("uri[" + uri + "] is not http or https");
			}
		}
		if ((username == null) != (password == null)) {
			throw new IllegalArgumentException("httpAuthenticationUsername and httpAuthenticationPassword go together");
		}
	}

	public static HttpInputSource of(List<URI> uris) {
		return new HttpInputSource(uris, null, null);
	}

	@Override
	public String typeName() {
		return "http";
	}

	@Override
	public String toString() {
		// the record's own toString would print the password
		return "HttpInputSource[uris=" + this.uris + "]";
	}

	@Override
	public List<InputEntity> entities() {
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(CONNECT_TIMEOUT)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		List<InputEntity> entities = new ArrayList<>();
		for (URI uri : this.uris) {
			entities.add(new HttpObject(client, uri, authorization()));
		}
		return entities;
	}

	private String authorization() {
		if (this.username == null) {
			return null;
		}
		String credentials = this.username + ":" + this.password;
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	/** One URI; each open issues a new GET. */
	private record HttpObject(HttpClient client, URI uri, String authorization) implements InputEntity {

		@Override
		public String name() {
			return this.uri.toString();
		}

		@Override
		public InputStream open() {
			HttpRequest.Builder request = HttpRequest.newBuilder(this.uri).GET();
			if (this.authorization != null) {
				request.header("Authorization", this.authorization);
			}
			HttpResponse<InputStream> response;
			try {
				response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			}
			catch (IOException ex) {
				throw StrataException.io(ex, "Fetching input uri[%s] failed", this.uri);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw StrataException.interrupted("Fetching input uri[%s] was interrupted", this.uri);
			}
			if (response.statusCode() / 100 != 2) {
				StrataException failure = StrataException.invalidInput("Fetching input uri[%s] answered status[%d]",
						this.uri, response.statusCode());
				try {
					response.body().close();
				}
				catch (IOException ex) {
					failure.addSuppressed(ex);
				}
				throw failure;
			}
			try {
				return Decompression.wrap(this.uri.getPath() == null ? "" : this.uri.getPath(), response.body());
			}
			catch (IOException ex) {
				throw StrataException.io(ex, "Reading input uri[%s] failed", this.uri);
			}
		}

	}

}
