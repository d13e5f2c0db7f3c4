package io.strata.gateway.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-account 256-bit AES keys in an append-only file ({@code keyId accountId base64key} per
 * line), readable only by the gateway's user, written with a sync before a key is used, so that
 * no event is ever encrypted with a key that a crash could lose. Thread-safe: lookups take no
 * lock, creating a key takes one.
 */
public final class FileAccountKeyStore implements AccountKeyStore {

	private final Path file;

	private final SecureRandom random = new SecureRandom();

	/** Read on every encrypted event without the lock; written under it. */
	private final Map<String, AccountKey> byAccount = new ConcurrentHashMap<>();

	private final Map<String, SecretKey> byId = new ConcurrentHashMap<>();

	public FileAccountKeyStore(Path file) {
		this.file = file;
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			if (Files.exists(file)) {
				for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
					String[] parts = line.split(" ");
					if (parts.length == 3) {
						SecretKey key = new SecretKeySpec(Base64.getDecoder().decode(parts[2]), "AES");
						this.byId.put(parts[0], key);
						this.byAccount.put(parts[1], new AccountKey(parts[0], key));
					}
				}
			}
			else {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot open the account key store " + file, ex);
		}
	}

	@Override
	public AccountKey current(String accountId) {
		AccountKey existing = this.byAccount.get(accountId);
		return existing != null ? existing : create(accountId);
	}

	/** Creates, stores and syncs an account's first key, once even when threads race for it. */
	private synchronized AccountKey create(String accountId) {
		AccountKey existing = this.byAccount.get(accountId);
		if (existing != null) {
			return existing;
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String keyId = accountId + "/1";
		String line = keyId + " " + accountId + " " + Base64.getEncoder().encodeToString(bytes) + "\n";
		try {
			Files.write(this.file, List.of(line.strip()), StandardCharsets.UTF_8, StandardOpenOption.APPEND,
					StandardOpenOption.SYNC);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot store the key of account " + accountId, ex);
		}
		AccountKey key = new AccountKey(keyId, new SecretKeySpec(bytes, "AES"));
		this.byAccount.put(accountId, key);
		this.byId.put(keyId, key.key());
		return key;
	}

	@Override
	public SecretKey byId(String keyId) {
		SecretKey key = this.byId.get(keyId);
		if (key == null) {
			throw new IllegalArgumentException("No key " + keyId + " in the account key store");
		}
		return key;
	}

}
