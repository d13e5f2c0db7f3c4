package io.strata.node.deepstorage;

import io.strata.engine.error.StrataException;
import io.strata.node.config.DeepStorageProperties;
import io.strata.node.config.NodeProperties;
import io.strata.node.deepstorage.local.LocalDeepStorage;
import io.strata.node.deepstorage.s3.S3DeepStorage;
import io.strata.s3.S3ClientFactory;
import io.strata.s3.S3Settings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deep storage: a local directory or S3, by {@code strata.deep-storage.type}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DeepStorageProperties.class, NodeProperties.class })
public class DeepStorageConfiguration {

	@Bean
	DeepStorage deepStorage(DeepStorageProperties properties, NodeProperties node) {
		return switch (properties.type()) {
			case "local" -> new LocalDeepStorage(properties.directory() != null ? properties.directory()
					: node.baseDir().resolve("deep-storage"));
			case "s3" -> {
				DeepStorageProperties.S3 s3 = properties.s3();
				S3Settings settings = new S3Settings(s3.endpointUri(), s3.region(), s3.bucket(), s3.baseKey(),
						s3.pathStyleAccess(), s3.accessKeyOrNull(), s3.secretKeyOrNull());
				yield new S3DeepStorage(S3ClientFactory.create(settings), s3.bucket(), s3.baseKey());
			}
			default -> throw StrataException.invalidSpec("strata.deep-storage.type[%s] is neither local nor s3",
					properties.type());
		};
	}

}
