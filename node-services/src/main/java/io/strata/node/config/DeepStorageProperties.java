package io.strata.node.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code strata.deep-storage.*}: where published segments live.
 * @param type {@code local} (a directory, by default under the base directory) or {@code s3}
 * @param directory the local directory; every node must see the same one (a shared mount when
 * nodes run on different machines); empty means {@code <base-dir>/deep-storage}
 */
@ConfigurationProperties("strata.deep-storage")
public record DeepStorageProperties(@DefaultValue("local") String type, Path directory,
		@DefaultValue S3 s3) {

	/**
	 * @param endpoint empty for AWS itself; the URL of an S3-compatible server otherwise
	 * @param accessKey empty for the SDK's default credentials chain
	 */
	public record S3(@DefaultValue("") String bucket, @DefaultValue("segments") String baseKey,
			@DefaultValue("") String endpoint, @DefaultValue("us-east-1") String region,
			@DefaultValue("false") boolean pathStyleAccess, @DefaultValue("") String accessKey,
			@DefaultValue("") String secretKey) {

		/** The endpoint as a URI, null (AWS itself) when empty. */
		public java.net.URI endpointUri() {
			return this.endpoint.isBlank() ? null : java.net.URI.create(this.endpoint);
		}

		/** The access key, null (the SDK's default credentials chain) when empty. */
		public String accessKeyOrNull() {
			return this.accessKey.isBlank() ? null : this.accessKey;
		}

		/** The secret key, null when empty. */
		public String secretKeyOrNull() {
			return this.secretKey.isBlank() ? null : this.secretKey;
		}

	}

}
