package io.strata.gateway.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifierCipherTest {

	@TempDir
	Path directory;

	@Test
	void whatIsEncryptedDecryptsWithTheSameAccountsKeyEvenAfterARestart() {
		Path file = this.directory.resolve("keys");
		IdentifierCipher.Sealed sealed = new IdentifierCipher(new FileAccountKeyStore(file)).encrypt("acct-1",
				"{\"email\":\"a@b.example\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(new String(sealed.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("a@b.example");
		IdentifierCipher restarted = new IdentifierCipher(new FileAccountKeyStore(file));
		assertThat(new String(restarted.decrypt("acct-1", sealed), StandardCharsets.UTF_8))
			.isEqualTo("{\"email\":\"a@b.example\"}");
	}

	@Test
	void eachAccountHasItsOwnKeyAndABlobMovedToAnotherAccountDoesNotOpen() {
		IdentifierCipher cipher = new IdentifierCipher(new FileAccountKeyStore(this.directory.resolve("keys")));
		IdentifierCipher.Sealed first = cipher.encrypt("acct-1", new byte[] { 1, 2, 3 });
		IdentifierCipher.Sealed second = cipher.encrypt("acct-2", new byte[] { 1, 2, 3 });
		assertThat(first.keyId()).isNotEqualTo(second.keyId());
		assertThatThrownBy(() -> cipher.decrypt("acct-2", new IdentifierCipher.Sealed(second.keyId(), first.bytes())))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theSamePlainTextEncryptsDifferentlyEachTime() {
		IdentifierCipher cipher = new IdentifierCipher(new FileAccountKeyStore(this.directory.resolve("keys")));
		assertThat(cipher.encrypt("a", new byte[] { 7 }).bytes()).isNotEqualTo(cipher.encrypt("a", new byte[] { 7 }).bytes());
	}

}
