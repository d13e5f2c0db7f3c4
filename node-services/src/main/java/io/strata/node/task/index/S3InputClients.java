package io.strata.node.task.index;

import io.strata.node.config.DeepStorageProperties;
import io.strata.s3.S3ClientFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 client {@code s3} input sources read with, built on first use from the deep-storage S3
 * settings (endpoint, region, keys), so a worker that never reads S3 input needs no S3 settings.
 */
public final class S3InputClients implements AutoCloseable {

	private final DeepStorageProperties.S3 settings;

	private S3Client client;

	public S3InputClients(DeepStorageProperties.S3 settings) {
		this.settings = settings;
	}

	public synchronized S3Client client() {
		if (this.client == null) {
			this.client = S3ClientFactory.create(this.settings.endpointUri(), this.settings.region(),
					this.settings.pathStyleAccess(), this.settings.accessKeyOrNull(), this.settings.secretKeyOrNull());
		}
		return this.client;
	}

	@Override
	public synchronized void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

}
