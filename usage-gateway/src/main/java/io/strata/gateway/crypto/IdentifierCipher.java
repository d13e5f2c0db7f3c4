package io.strata.gateway.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM with a fresh 12-byte nonce per message: {@code nonce || ciphertext+tag}. The account id
 * is bound as associated data, so a blob copied onto another account's event fails to decrypt.
 * Thread-safe (a Cipher per thread, initialised per call with a fresh nonce).
 */
public final class IdentifierCipher {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final AccountKeyStore keys;

	private final SecureRandom random = new SecureRandom();

	/** A Cipher per thread: looking one up per event cost ~7 % of the gateway's CPU; a Cipher is not thread-safe. */
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES/GCM is part of every JDK", ex);
		}
	});

	public IdentifierCipher(AccountKeyStore keys) {
		this.keys = keys;
	}

	/** An encrypted payload and the id of the key that opens it. */
	public record Sealed(String keyId, byte[] bytes) {

	}

	public Sealed encrypt(String accountId, byte[] plain) {
		AccountKeyStore.AccountKey key = this.keys.current(accountId);
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = this.ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(accountId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain);
			return new Sealed(key.keyId(), ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	public byte[] decrypt(String accountId, Sealed sealed) {
		try {
			Cipher cipher = this.ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, this.keys.byId(sealed.keyId()),
					new GCMParameterSpec(TAG_BITS, sealed.bytes(), 0, NONCE_BYTES));
			cipher.updateAAD(accountId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return cipher.doFinal(sealed.bytes(), NONCE_BYTES, sealed.bytes().length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Identifiers do not decrypt with key " + sealed.keyId(), ex);
		}
	}

}
