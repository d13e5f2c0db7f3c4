package io.strata.gateway.crypto;

import javax.crypto.SecretKey;

/** The gateway's per-account AES keys. Implementations are thread-safe. */
public interface AccountKeyStore {

	/** The account's current key, created (and stored durably) on first use. */
	AccountKey current(String accountId);

	/** A key by its id, to decrypt what was encrypted with it. */
	SecretKey byId(String keyId);

	/** A key and the id events carry to name it. */
	record AccountKey(String keyId, SecretKey key) {

	}

}
