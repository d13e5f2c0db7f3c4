package io.strata.s3;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the {@link S3Client} for {@link S3Settings}, with the settings that make one client
 * work against AWS and against S3-compatible servers alike.
 */
public final class S3ClientFactory {

	private S3ClientFactory() {
	}

	/** The caller owns the client and closes it (which closes its HTTP client too). */
	public static S3Client create(S3Settings settings) {
		return create(settings.endpoint(), settings.region(), settings.pathStyleAccess(), settings.accessKey(),
				settings.secretKey());
	}

	/**
	 * A client not tied to one bucket, e.g. to read {@code s3://} URIs of any bucket.
	 * @param endpoint null for AWS's own endpoint of the region
	 * @param accessKey with {@code secretKey} static credentials; both null for the default chain
	 */
	public static S3Client create(URI endpoint, String region, boolean pathStyleAccess, String accessKey,
			String secretKey) {
		if ((accessKey == null) != (secretKey == null)) {
			throw new IllegalArgumentException("accessKey and secretKey must be given together or not at all");
		}
		S3ClientBuilder builder = S3Client.builder()
			// one HTTP client named explicitly: the SDK refuses to choose when several are on the class path,
			// and this one needs no extra threads or native code
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.region(Region.of(region))
			.forcePathStyle(pathStyleAccess)
			// SDK 2.30+ adds CRC32 checksum trailers to every upload and checks them on download by default;
			// S3-compatible servers (s3proxy, older MinIO) reject or lack them. WHEN_REQUIRED limits them to
			// the operations that demand one, none of which deep storage uses; the signature still covers
			// every request.
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (endpoint != null) {
			builder.endpointOverride(endpoint);
		}
		if (accessKey != null) {
			builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
		}
		return builder.build();
	}

}
