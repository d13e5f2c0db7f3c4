package io.strata.gateway.auth;

import java.util.List;
import java.util.Objects;

/**
 * A calling service's token as the gateway keeps it: a name, the SHA-256 of the secret (hex), and
 * the API names it may report usage for ({@code *} for any).
 */
public record ApiToken(String name, String sha256, List<String> services) {

	public ApiToken {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(sha256, "sha256");
		if (!sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("token[" + name + "] sha256 must be 64 lower-case hex digits");
		}
		services = List.copyOf(services);
	}

	public boolean mayReport(String apiName) {
		return this.services.contains("*") || this.services.contains(apiName);
	}

}
