package io.strata.gateway.embedded;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaStorageFormatTest {

	@TempDir
	Path temp;

	@Test
	void aNewDirectoryIsFormattedOnceAndKeepsItsClusterId() {
		Path dir = this.temp.resolve("kafka");
		String clusterId = KafkaStorageFormat.ensureFormatted(dir, 1, "CONTROLLER");
		assertThat(dir.resolve("meta.properties")).content().contains("cluster.id=" + clusterId, "node.id=1");
		assertThat(dir.resolve("bootstrap.checkpoint")).exists();
		assertThat(KafkaStorageFormat.ensureFormatted(dir, 1, "CONTROLLER")).isEqualTo(clusterId);
		assertThat(KafkaStorageFormat.ensureFormatted(this.temp.resolve("other"), 1, "CONTROLLER"))
			.isNotEqualTo(clusterId);
	}

	@Test
	void aDirectoryOfAnotherNodeIsRefusedNamingBoth() {
		Path dir = this.temp.resolve("kafka");
		KafkaStorageFormat.ensureFormatted(dir, 2, "CONTROLLER");
		assertThatThrownBy(() -> KafkaStorageFormat.ensureFormatted(dir, 1, "CONTROLLER"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining(dir.toString())
			.hasMessageContaining("node[2]");
	}

	@Test
	void aBrokenMetaPropertiesIsRefused() throws Exception {
		Path dir = Files.createDirectories(this.temp.resolve("kafka"));
		Files.writeString(dir.resolve("meta.properties"), "version=7\n");
		assertThatThrownBy(() -> KafkaStorageFormat.ensureFormatted(dir, 1, "CONTROLLER"))
			.hasMessageContaining(dir.toString());
	}

}
