package io.strata.gateway.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code strata.deep-storage.*}, the same keys the cluster's nodes read, so one configuration
 * points the archive and the segments at the same place.
 * @param type {@code local} or {@code s3}
 * @param directory the local deep-storage directory (the cluster's default on one machine)
 * @param s3 the bucket and how to reach it; the endpoint and keys also serve {@code s3://} batch URIs
 */
@ConfigurationProperties("strata.deep-storage")
public record DeepStorageProperties(@DefaultValue("local") String type,
		@DefaultValue("var/strata/deep-storage") String directory, @DefaultValue S3 s3) {

	/**
	 * @param endpoint empty for AWS itself; the URL of an S3-compatible server otherwise
	 * @param accessKey empty for the SDK's default credentials chain
	 */
	public record S3(@DefaultValue("") String bucket, @DefaultValue("") String baseKey,
			@DefaultValue("") String endpoint, @DefaultValue("us-east-1") String region,
			@DefaultValue("false") boolean pathStyleAccess, @DefaultValue("") String accessKey,
			@DefaultValue("") String secretKey) {

	}

}
