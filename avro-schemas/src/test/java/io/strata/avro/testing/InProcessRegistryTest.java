package io.strata.avro.testing;

import java.nio.file.Path;

import io.strata.avro.registry.SchemaRegistryClient;
import io.strata.avro.registry.server.SchemaRegistryServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh in-process schema registry (on a new data directory) and a client of it, per test. */
public abstract class InProcessRegistryTest {

	@TempDir
	protected Path dataDir;

	protected SchemaRegistryServer server;

	protected SchemaRegistryClient client;

	@BeforeEach
	void startRegistry() {
		this.server = new SchemaRegistryServer(this.dataDir).start(0);
		this.client = new SchemaRegistryClient(this.server.url());
	}

	@AfterEach
	void stopRegistry() {
		this.client.close();
		this.server.close();
	}

}
