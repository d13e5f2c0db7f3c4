package io.strata.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Checks presented tokens against the stored hashes. The secret itself is never stored: a leaked
 * configuration does not let anyone report usage. Comparison is constant-time. Thread-safe.
 */
public final class ApiTokens {

	private final List<ApiToken> tokens;

	public ApiTokens(List<ApiToken> tokens) {
		this.tokens = List.copyOf(tokens);
	}

	/** The token a secret belongs to, if any. */
	public Optional<ApiToken> authenticate(String secret) {
		if (secret == null || secret.isEmpty()) {
			return Optional.empty();
		}
		byte[] presented = sha256(secret);
		ApiToken match = null;
		for (ApiToken token : this.tokens) {
			// every stored hash is compared, so the time taken says nothing about which one matched
			if (MessageDigest.isEqual(presented, HexFormat.of().parseHex(token.sha256()))) {
				match = token;
			}
		}
		return Optional.ofNullable(match);
	}

	/** The stored form of a secret: what an operator puts in the configuration. */
	public static String hash(String secret) {
		return HexFormat.of().formatHex(sha256(secret));
	}

	private static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** {@code ApiTokens <secret>}: prints the hash to configure for a new token. */
	public static void main(String[] args) {
		if (args.length != 1) {
			System.err.println("usage: ApiTokens <secret>");
			System.exit(2);
		}
		System.out.println(hash(args[0]));
	}

}
