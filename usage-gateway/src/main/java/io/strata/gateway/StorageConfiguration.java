package io.strata.gateway;

import java.net.URI;
import java.nio.file.Path;

import io.strata.gateway.storage.DeepStorage;
import io.strata.gateway.storage.DeepStorageProperties;
import io.strata.gateway.storage.LocalDeepStorage;
import io.strata.gateway.storage.S3DeepStorage;
import io.strata.gateway.storage.SourceFiles;
import io.strata.s3.S3ClientFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

/** Deep storage (local directory or S3 bucket) and the reader of {@code file:}/{@code s3:} URIs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeepStorageProperties.class)
class StorageConfiguration {

	@Bean
	DeepStorage deepStorage(DeepStorageProperties properties, SourceFiles sourceFiles) {
		return switch (properties.type()) {
			case "local" -> new LocalDeepStorage(Path.of(properties.directory()));
			case "s3" -> {
				if (properties.s3().bucket().isBlank()) {
					throw new IllegalArgumentException("strata.deep-storage.s3.bucket is required when strata.deep-storage.type=s3");
				}
				yield new S3DeepStorage(sourceFiles.s3(), properties.s3().bucket(), properties.s3().baseKey());
			}
			default -> throw new IllegalArgumentException(
					"strata.deep-storage.type must be 'local' or 's3', was '" + properties.type() + "'");
		};
	}

	@Bean(destroyMethod = "close")
	SourceFiles sourceFiles(DeepStorageProperties properties) {
		DeepStorageProperties.S3 s3 = properties.s3();
		return new SourceFiles(() -> s3Client(s3));
	}

	private static S3Client s3Client(DeepStorageProperties.S3 s3) {
		return S3ClientFactory.create(s3.endpoint().isBlank() ? null : URI.create(s3.endpoint()), s3.region(),
				s3.pathStyleAccess(), s3.accessKey().isBlank() ? null : s3.accessKey(),
				s3.secretKey().isBlank() ? null : s3.secretKey());
	}

}
