package io.strata.gateway.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Fetches a file named by URI, {@code file:///...} or {@code s3://bucket/key} (any bucket the
 * configured credentials can read), to a local path. The S3 client is built on first use, so a
 * gateway that never sees an {@code s3://} URI never needs S3 settings.
 */
public final class SourceFiles implements AutoCloseable {

	private final Supplier<S3Client> s3Clients;

	private S3Client s3;

	public SourceFiles(Supplier<S3Client> s3Clients) {
		this.s3Clients = s3Clients;
	}

	/** Whether the URI's scheme is one this can fetch. */
	public static boolean isSupported(URI uri) {
		return "file".equals(uri.getScheme()) || "s3".equals(uri.getScheme());
	}

	/** @throws NoSuchFileException when nothing is at the URI */
	public void copy(URI uri, Path target) throws IOException {
		switch (uri.getScheme()) {
			case "file" -> {
				Path source = Path.of(uri);
				if (!Files.isRegularFile(source)) {
					throw new NoSuchFileException(uri.toString());
				}
				Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
			}
			case "s3" -> {
				String bucket = uri.getHost();
				String key = uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath();
				if (bucket == null || key.isEmpty()) {
					throw new IllegalArgumentException("An s3 URI names a bucket and a key: s3://bucket/key; got " + uri);
				}
				try (InputStream in = s3().getObject(request -> request.bucket(bucket).key(key))) {
					Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (NoSuchKeyException | NoSuchBucketException ex) {
					throw new NoSuchFileException(uri.toString());
				}
				catch (SdkException ex) {
					throw new IOException("Cannot read " + uri + ": " + ex.getMessage(), ex);
				}
			}
			default -> throw new IllegalArgumentException("Unsupported URI scheme: " + uri);
		}
	}

	/** The S3 client, built on first use and shared (S3 deep storage uses it too). */
	public synchronized S3Client s3() {
		if (this.s3 == null) {
			this.s3 = this.s3Clients.get();
		}
		return this.s3;
	}

	@Override
	public synchronized void close() {
		if (this.s3 != null) {
			this.s3.close();
		}
	}

}
