package io.strata.node.task.index;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.strata.engine.error.StrataException;
import io.strata.engine.input.InputEntity;
import io.strata.engine.input.InputSource;
import io.strata.engine.input.source.Decompression;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * Druid's {@code s3} input source: objects named by {@code uris}, every object under
 * {@code prefixes}, and {@code objects} ({@code bucket} + {@code path}), each one input entity.
 * Listing happens when the task runs, not when it is submitted.
 */
public record S3InputSource(Supplier<S3Client> s3, List<URI> uris, List<URI> prefixes, List<URI> objects)
		implements InputSource {

	public S3InputSource {
		uris = List.copyOf(uris);
		prefixes = List.copyOf(prefixes);
		objects = List.copyOf(objects);
		if (uris.isEmpty() && prefixes.isEmpty() && objects.isEmpty()) {
			throw StrataException.invalidInput("an s3 input source needs uris, prefixes or objects");
		}
		for (URI uri : concat(uris, prefixes, objects)) {
			if (!"s3".equals(uri.getScheme()) || uri.getHost() == null) {
				throw StrataException.invalidInput("[%s] is not an s3://bucket/key URI", uri);
			}
		}
	}

	@Override
	public String typeName() {
		return "s3";
	}

	@Override
	public List<InputEntity> entities() {
		List<InputEntity> entities = new ArrayList<>();
		for (URI uri : concat(this.uris, this.objects, List.of())) {
			entities.add(new S3Entity(this.s3, uri.getHost(), key(uri)));
		}
		for (URI prefix : this.prefixes) {
			list(prefix).forEach(entities::add);
		}
		return entities;
	}

	private List<InputEntity> list(URI prefix) {
		List<InputEntity> found = new ArrayList<>();
		String bucket = prefix.getHost();
		try {
			ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(key(prefix));
			ListObjectsV2Response page;
			do {
				page = this.s3.get().listObjectsV2(request.build());
				for (software.amazon.awssdk.services.s3.model.S3Object object : page.contents()) {
					if (!object.key().endsWith("/")) {
						found.add(new S3Entity(this.s3, bucket, object.key()));
					}
				}
				request.continuationToken(page.nextContinuationToken());
			}
			while (Boolean.TRUE.equals(page.isTruncated()));
		}
		catch (SdkException ex) {
			throw StrataException.io(ex, "Listing input prefix[%s] failed", prefix);
		}
		return found;
	}

	private static String key(URI uri) {
		String path = uri.getPath();
		return path.startsWith("/") ? path.substring(1) : path;
	}

	private static List<URI> concat(List<URI> a, List<URI> b, List<URI> c) {
		List<URI> all = new ArrayList<>(a);
		all.addAll(b);
		all.addAll(c);
		return all;
	}

	/** One object; opened with a GET each time. */
	private record S3Entity(Supplier<S3Client> s3, String bucket, String key) implements InputEntity {

		@Override
		public String name() {
			return "s3://" + this.bucket + "/" + this.key;
		}

		@Override
		public InputStream open() {
			try {
				return Decompression.wrap(name(), this.s3.get().getObject(request -> request.bucket(this.bucket).key(this.key)));
			}
			catch (SdkException | IOException ex) {
				throw StrataException.io(ex, "Opening input[%s] failed", name());
			}
		}

	}

}
