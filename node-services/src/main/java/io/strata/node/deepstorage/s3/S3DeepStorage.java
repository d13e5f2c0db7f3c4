package io.strata.node.deepstorage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;
import io.strata.node.deepstorage.AtomicFileWrite;
import io.strata.node.deepstorage.DeepStorage;
import io.strata.node.deepstorage.LoadSpec;
import io.strata.node.deepstorage.SegmentObjectPath;
import io.strata.s3.S3Settings;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Deep storage in an S3 bucket, one object per segment at
 * {@code <baseKey>/<dataSource>/<start>_<end>/<version>/<partitionNum>/segment.strata} (see
 * {@link SegmentObjectPath}).
 * <p>
 * A push is a single PutObject. S3 accepts up to 5 GiB that way, far above Strata's segment
 * sizes (Druid aims at 300-700 MB), so multipart upload is not implemented and a larger file
 * fails before any request is sent. S3 writes are atomic per object, so a failed push never
 * leaves a partial object. A pull downloads beside the target and renames (see
 * {@link AtomicFileWrite}).
 * <p>
 * Thread-safe: the {@link S3Client} is. The caller owns the client and closes it.
 */
public final class S3DeepStorage implements DeepStorage {

	/** The largest object one PutObject may write. */
	static final long MAX_SINGLE_PUT_BYTES = 5L * 1024 * 1024 * 1024;

	private static final int NOT_FOUND = 404;

	private final S3Client client;

	private final String bucket;

	private final String baseKey;

	/**
	 * @param baseKey the key prefix; leading and trailing '/' are dropped, and an empty one puts
	 * segments at the bucket's root
	 */
	public S3DeepStorage(S3Client client, String bucket, String baseKey) {
		this.client = Objects.requireNonNull(client, "client");
		this.bucket = Objects.requireNonNull(bucket, "bucket");
		this.baseKey = S3Settings.trimSlashes(Objects.requireNonNull(baseKey, "baseKey"));
		if (bucket.isBlank()) {
			throw new IllegalArgumentException("bucket must not be blank");
		}
	}

	/** Where {@link #push} puts the segment {@code id} in the bucket. */
	public String keyOf(SegmentId id) {
		String relative = SegmentObjectPath.of(id);
		return this.baseKey.isEmpty() ? relative : this.baseKey + '/' + relative;
	}

	@Override
	public LoadSpec push(SegmentId id, Path segmentFile) {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(segmentFile, "segmentFile");
		String key = keyOf(id);
		long size;
		try {
			size = Files.size(segmentFile);
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Segment[%s] cannot be pushed: file[%s] cannot be read", id, segmentFile);
		}
		if (size > MAX_SINGLE_PUT_BYTES) {
			throw StrataException.unsupported(
					"Segment[%s] of [%,d] bytes is over the 5 GiB that one S3 PutObject takes; multipart upload is not supported",
					id, size);
		}
		try {
			this.client.putObject(
					PutObjectRequest.builder().bucket(this.bucket).key(key).contentLength(size).build(),
					RequestBody.fromFile(segmentFile));
		}
		catch (SdkException ex) {
			throw StrataException.io(ex, "Cannot push segment[%s] to S3 bucket[%s] key[%s]", id, this.bucket, key);
		}
		return new LoadSpec.S3(this.bucket, key);
	}

	/**
	 * @throws StrataException {@code SEGMENT_NOT_FOUND} when the bucket has no such key (or no such
	 * bucket exists), naming both; {@code IO_FAILURE} for any other failure
	 */
	@Override
	public void pull(LoadSpec loadSpec, Path target) {
		LoadSpec.S3 s3 = s3Of(loadSpec);
		Objects.requireNonNull(target, "target");
		GetObjectRequest request = GetObjectRequest.builder().bucket(s3.bucket()).key(s3.key()).build();
		try {
			AtomicFileWrite.write(target, channel -> {
				try (InputStream in = this.client.getObject(request)) {
					// the channel's stream is left open: closing it would close the channel AtomicFileWrite still forces
					in.transferTo(Channels.newOutputStream(channel));
				}
			});
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == NOT_FOUND) {
				throw new StrataException(ErrorCode.SEGMENT_NOT_FOUND,
						String.format("Object[s3://%s/%s] not found in S3 deep storage (%s)", s3.bucket(), s3.key(),
								errorCode(ex)),
						ex);
			}
			throw pullFailed(s3, target, ex);
		}
		catch (SdkException | IOException ex) {
			throw pullFailed(s3, target, ex);
		}
	}

	/** S3 answers 204 for a key that does not exist; a 404 (no such bucket) is taken as already deleted too. */
	@Override
	public void delete(LoadSpec loadSpec) {
		LoadSpec.S3 s3 = s3Of(loadSpec);
		try {
			this.client.deleteObject(DeleteObjectRequest.builder().bucket(s3.bucket()).key(s3.key()).build());
		}
		catch (S3Exception ex) {
			if (ex.statusCode() != NOT_FOUND) {
				throw deleteFailed(s3, ex);
			}
		}
		catch (SdkException ex) {
			throw deleteFailed(s3, ex);
		}
	}

	/** Any S3 load spec, also in another bucket: the client can reach any bucket its credentials allow. */
	@Override
	public boolean handles(LoadSpec loadSpec) {
		return loadSpec instanceof LoadSpec.S3;
	}

	private static LoadSpec.S3 s3Of(LoadSpec loadSpec) {
		Objects.requireNonNull(loadSpec, "loadSpec");
		if (!(loadSpec instanceof LoadSpec.S3 s3)) {
			throw StrataException.unsupported("LoadSpec[%s] is not an S3 load spec", loadSpec);
		}
		return s3;
	}

	private static String errorCode(S3Exception ex) {
		return ex.awsErrorDetails() != null && ex.awsErrorDetails().errorCode() != null
				? ex.awsErrorDetails().errorCode() : "HTTP " + ex.statusCode();
	}

	private static StrataException pullFailed(LoadSpec.S3 s3, Path target, Exception cause) {
		return StrataException.io(cause, "Cannot pull object[s3://%s/%s] from S3 to file[%s]", s3.bucket(), s3.key(),
				target);
	}

	private static StrataException deleteFailed(LoadSpec.S3 s3, Exception cause) {
		return StrataException.io(cause, "Cannot delete object[s3://%s/%s] from S3", s3.bucket(), s3.key());
	}

}
