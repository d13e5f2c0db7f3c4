package io.strata.gateway.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.strata.s3.S3Settings;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Deep storage in an S3 bucket under a base key. A PUT is atomic in S3, so readers see whole
 * objects only; SDK failures surface as {@link IOException}s naming the object.
 */
public final class S3DeepStorage implements DeepStorage {

	private final S3Client s3;

	private final String bucket;

	private final String baseKey;

	public S3DeepStorage(S3Client s3, String bucket, String baseKey) {
		this.s3 = s3;
		this.bucket = bucket;
		this.baseKey = S3Settings.trimSlashes(baseKey);
	}

	@Override
	public void put(String key, Path file) throws IOException {
		try {
			this.s3.putObject(request -> request.bucket(this.bucket).key(objectKey(key)), RequestBody.fromFile(file));
		}
		catch (SdkException ex) {
			throw failure("write", key, ex);
		}
	}

	@Override
	public void putBytes(String key, byte[] bytes) throws IOException {
		try {
			this.s3.putObject(request -> request.bucket(this.bucket).key(objectKey(key)), RequestBody.fromBytes(bytes));
		}
		catch (SdkException ex) {
			throw failure("write", key, ex);
		}
	}

	@Override
	public Optional<byte[]> readBytes(String key) throws IOException {
		try {
			return Optional.of(this.s3.getObjectAsBytes(request -> request.bucket(this.bucket).key(objectKey(key)))
				.asByteArray());
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
		catch (SdkException ex) {
			throw failure("read", key, ex);
		}
	}

	@Override
	public void download(String key, Path target) throws IOException {
		try (var in = this.s3.getObject(request -> request.bucket(this.bucket).key(objectKey(key)))) {
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (SdkException ex) {
			throw failure("read", key, ex);
		}
	}

	@Override
	public void delete(String key) throws IOException {
		try {
			this.s3.deleteObject(request -> request.bucket(this.bucket).key(objectKey(key)));
		}
		catch (SdkException ex) {
			throw failure("delete", key, ex);
		}
	}

	@Override
	public List<String> list(String prefix) throws IOException {
		List<String> keys = new ArrayList<>();
		String strip = this.baseKey.isEmpty() ? "" : this.baseKey + "/";
		try {
			ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(this.bucket).prefix(strip + prefix);
			ListObjectsV2Response page;
			do {
				page = this.s3.listObjectsV2(request.build());
				for (S3Object object : page.contents()) {
					keys.add(object.key().substring(strip.length()));
				}
				request.continuationToken(page.nextContinuationToken());
			}
			while (Boolean.TRUE.equals(page.isTruncated()));
		}
		catch (SdkException ex) {
			throw failure("list", prefix, ex);
		}
		keys.sort(null);
		return keys;
	}

	@Override
	public String uriOf(String key) {
		return "s3://" + this.bucket + "/" + objectKey(key);
	}

	private String objectKey(String key) {
		return this.baseKey.isEmpty() ? key : this.baseKey + "/" + key;
	}

	private IOException failure(String action, String key, SdkException cause) {
		return new IOException("Cannot " + action + " " + uriOf(key) + ": " + cause.getMessage(), cause);
	}

}
