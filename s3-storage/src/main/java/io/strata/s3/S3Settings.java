package io.strata.s3;

import java.net.URI;
import java.util.Objects;

/**
 * How to reach the deep-storage bucket.
 * @param endpoint the S3 endpoint, e.g. {@code http://minio:9000}; null means AWS's own endpoint
 * for {@code region}
 * @param region the signing region, always explicit so the SDK never probes the environment
 * (any value, e.g. {@code us-east-1}, for servers that ignore it)
 * @param bucket the bucket holding segments
 * @param baseKey the key prefix under which segments go, without leading or trailing '/' (they
 * are removed); empty puts segments at the bucket's root
 * @param pathStyleAccess {@code http://host/bucket/key} instead of {@code http://bucket.host/key};
 * needed by most S3-compatible servers, which have no per-bucket DNS names
 * @param accessKey with {@code secretKey}, static credentials; both null means the SDK's default
 * credentials chain (environment, profile, web identity, instance role)
 * @param secretKey see {@code accessKey}; never printed by {@link #toString()}
 */
public record S3Settings(URI endpoint, String region, String bucket, String baseKey, boolean pathStyleAccess,
		String accessKey, String secretKey) {

	public S3Settings {
		Objects.requireNonNull(region, "region");
		Objects.requireNonNull(bucket, "bucket");
		Objects.requireNonNull(baseKey, "baseKey");
		if (region.isBlank()) {
			throw new IllegalArgumentException("region must not be blank");
		}
		if (bucket.isBlank()) {
			throw new IllegalArgumentException("bucket must not be blank");
		}
		if ((accessKey == null) != (secretKey == null)) {
			throw new IllegalArgumentException("accessKey and secretKey must be given together or not at all");
		}
		baseKey = trimSlashes(baseKey);
	}

	/** Whether static credentials were given (otherwise the default chain applies). */
	public boolean hasStaticCredentials() {
		return this.accessKey != null;
	}

	@Override
	public String toString() {
		return "S3Settings[endpoint=" + this.endpoint + ", region=" + this.region + ", bucket=" + this.bucket
				+ ", baseKey=" + this.baseKey + ", pathStyleAccess=" + this.pathStyleAccess + ", accessKey="
				+ this.accessKey + ", secretKey=" + (this.secretKey == null ? "null" : "****") + "]";
	}

	/** The key without leading or trailing '/': S3 keys are joined with exactly one. */
	public static String trimSlashes(String key) {
		int start = 0;
		int end = key.length();
		while (start < end && key.charAt(start) == '/') {
			start++;
		}
		while (end > start && key.charAt(end - 1) == '/') {
			end--;
		}
		return key.substring(start, end);
	}

}
