package io.strata.gateway.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * What {@code kafka-storage.sh format} does, for a single node's one log directory, done once:
 * a new directory gets a fresh cluster id (in its {@code meta.properties}) and the bootstrap
 * metadata; a formatted one is left alone and its cluster id read back, so a restart rejoins the
 * same cluster and finds its topics.
 */
final class KafkaStorageFormat {

	private KafkaStorageFormat() {
	}

	/**
	 * Formats {@code directory} unless it is formatted already.
	 * @return the cluster id stored in it
	 * @throws IllegalStateException when the directory cannot be read, or holds another node's data
	 */
	static String ensureFormatted(Path directory, int nodeId, String controllerListener) {
		String dir = directory.toAbsolutePath().toString();
		try {
			Files.createDirectories(directory);
			MetaPropertiesEnsemble existing = new MetaPropertiesEnsemble.Loader().addLogDirs(List.of(dir)).load();
			if (!existing.errorLogDirs().isEmpty()) {
				throw new IllegalStateException("Kafka directory[" + dir + "] has an unreadable meta.properties");
			}
			Optional<String> clusterId = existing.clusterId();
			if (clusterId.isPresent()) {
				if (existing.nodeId().orElse(nodeId) != nodeId) {
					throw new IllegalStateException("Kafka directory[" + dir + "] belongs to node["
							+ existing.nodeId().getAsInt() + "], not to node[" + nodeId + "]");
				}
				return clusterId.get();
			}
			String newClusterId = Uuid.randomUuid().toString();
			format(dir, nodeId, controllerListener, newClusterId);
			return newClusterId;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Kafka directory[" + dir + "] could not be read", ex);
		}
	}

	private static void format(String dir, int nodeId, String controllerListener, String clusterId) {
		Formatter formatter = new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
			.setNodeId(nodeId)
			.setClusterId(clusterId)
			.setDirectories(List.of(dir))
			.setMetadataLogDirectory(dir)
			.setControllerListenerName(controllerListener);
		try {
			formatter.run();
		}
		catch (Exception ex) {
			// run() declares Exception
			throw new IllegalStateException("Kafka directory[" + dir + "] could not be formatted", ex);
		}
	}

}
