package io.strata.node.config;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.strata.node.config.PropertiesBinding.assertSetsEveryKey;
import static io.strata.node.config.PropertiesBinding.bind;
import static io.strata.node.config.PropertiesBinding.defaults;
import static org.assertj.core.api.Assertions.assertThat;

class DeepStoragePropertiesTest {

	@Test
	void defaultsWithoutAnyKey() {
		assertThat(defaults(DeepStorageProperties.class)).isEqualTo(new DeepStorageProperties("local", null,
				new DeepStorageProperties.S3("", "segments", "", "us-east-1", false, "", "")));
	}

	@Test
	void everyKeyBinds() {
		Map<String, String> properties = Map.of("strata.deep-storage.type", "s3", "strata.deep-storage.directory",
				"/mnt/shared/deep", "strata.deep-storage.s3.bucket", "strata-segments",
				"strata.deep-storage.s3.base-key", "prod/segments", "strata.deep-storage.s3.endpoint",
				"http://minio:9000", "strata.deep-storage.s3.region", "eu-west-1",
				"strata.deep-storage.s3.path-style-access", "true", "strata.deep-storage.s3.access-key", "AKIA",
				"strata.deep-storage.s3.secret-key", "secret");

		assertSetsEveryKey(DeepStorageProperties.class, properties);
		assertThat(bind(DeepStorageProperties.class, properties)).isEqualTo(new DeepStorageProperties("s3",
				Path.of("/mnt/shared/deep"), new DeepStorageProperties.S3("strata-segments", "prod/segments",
						"http://minio:9000", "eu-west-1", true, "AKIA", "secret")));
	}

	@Test
	void oneS3KeyLeavesTheOthersAtTheirDefaults() {
		DeepStorageProperties properties = bind(DeepStorageProperties.class,
				Map.of("strata.deep-storage.s3.bucket", "b"));

		assertThat(properties.s3()).isEqualTo(new DeepStorageProperties.S3("b", "segments", "", "us-east-1", false, "", ""));
	}

}
