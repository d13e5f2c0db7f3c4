package io.strata.s3;

import java.net.URI;
import java.util.Objects;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An in-process S3-compatible server (s3proxy over jclouds' in-memory {@code transient} blob
 * store) on 127.0.0.1 and a free port, with one bucket already created. Requests must be signed
 * (V2 or V4) with the fixed key pair {@link #ACCESS_KEY}/{@link #SECRET_KEY}, as
 * {@link #settings()} does, so the client's signing is exercised too. Objects live in memory:
 * keep them to a few tens of MB. Thread-safe (Jetty serves each request on its own thread).
 * <pre>
 * try (TestingS3Server s3 = TestingS3Server.start()) {
 *     S3Client client = S3ClientFactory.create(s3.settings());
 * }
 * </pre>
 */
public final class TestingS3Server implements AutoCloseable {

	public static final String ACCESS_KEY = "strata-access";

	public static final String SECRET_KEY = "strata-secret";

	public static final String DEFAULT_BUCKET = "strata-deep-storage";

	public static final String REGION = "us-east-1";

	public static final String BASE_KEY = "segments";

	private final BlobStoreContext blobStores;

	private final S3Proxy proxy;

	private final URI endpoint;

	private final String bucket;

	private TestingS3Server(BlobStoreContext blobStores, S3Proxy proxy, URI endpoint, String bucket) {
		this.blobStores = blobStores;
		this.proxy = proxy;
		this.endpoint = endpoint;
		this.bucket = bucket;
	}

	/** Starts a server holding the empty bucket {@link #DEFAULT_BUCKET}. */
	public static TestingS3Server start() {
		return start(DEFAULT_BUCKET);
	}

	/** Starts a server holding one empty bucket of the given name. */
	public static TestingS3Server start(String bucket) {
		Objects.requireNonNull(bucket, "bucket");
		BlobStoreContext blobStores = ContextBuilder.newBuilder("transient")
			.credentials(ACCESS_KEY, SECRET_KEY)
			.buildView(BlobStoreContext.class);
		S3Proxy proxy = null;
		try {
			blobStores.getBlobStore().createContainerInLocation(null, bucket);
			proxy = S3Proxy.builder()
				.blobStore(blobStores.getBlobStore())
				// port 0: Jetty binds a free port, read back below, so parallel test JVMs never collide
				.endpoint(URI.create("http://127.0.0.1:0"))
				.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
				.build();
			proxy.start();
			URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
			return new TestingS3Server(blobStores, proxy, endpoint, bucket);
		}
		catch (Exception ex) {
			stopQuietly(proxy, ex);
			blobStores.close();
			throw new IllegalStateException("Cannot start the in-process S3 server", ex);
		}
	}

	public URI endpoint() {
		return this.endpoint;
	}

	public String bucket() {
		return this.bucket;
	}

	/** Settings for a client of this server: path-style, fixed region and keys, base key {@link #BASE_KEY}. */
	public S3Settings settings() {
		return new S3Settings(this.endpoint, REGION, this.bucket, BASE_KEY, true, ACCESS_KEY, SECRET_KEY);
	}

	/** Creates another empty bucket, e.g. to test reading from a bucket other than the configured one. */
	public void createBucket(String name) {
		this.blobStores.getBlobStore().createContainerInLocation(null, name);
	}

	@Override
	public void close() {
		IllegalStateException failure = null;
		try {
			this.proxy.stop();
		}
		catch (Exception ex) {
			failure = new IllegalStateException("Cannot stop the in-process S3 server", ex);
		}
		this.blobStores.close();
		if (failure != null) {
			throw failure;
		}
	}

	private static void stopQuietly(S3Proxy proxy, Exception failure) {
		if (proxy == null) {
			return;
		}
		try {
			proxy.stop();
		}
		catch (Exception ex) {
			failure.addSuppressed(ex);
		}
	}

}
