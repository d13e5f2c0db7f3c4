package io.strata.avro.registry.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The command line of {@link SchemaRegistryServer#main}.
 *
 * @param dataDir where the registry keeps its log
 * @param host the interface to listen on
 * @param port the port to listen on; 0 picks a free one
 */
record ServerArguments(Path dataDir, String host, int port) {

	static final String USAGE = "usage: SchemaRegistryServer --data-dir DIR [--port 8081] [--host 127.0.0.1]";

	ServerArguments {
		Objects.requireNonNull(dataDir, "dataDir");
		Objects.requireNonNull(host, "host");
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port[" + port + "] is not between 0 and 65535");
		}
	}

	/** Parses {@code args}; an unknown or incomplete option is an IllegalArgumentException. */
	static ServerArguments parse(String[] args) {
		Path dataDir = null;
		String host = "127.0.0.1";
		int port = SchemaRegistryServer.DEFAULT_PORT;
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("Option[" + option + "] needs a value");
			}
			String value = args[++i];
			switch (option) {
				case "--data-dir" -> dataDir = Path.of(value);
				case "--host" -> host = value;
				case "--port" -> port = parsePort(value);
				default -> throw new IllegalArgumentException("Unknown option[" + option + "]");
			}
		}
		if (dataDir == null) {
			throw new IllegalArgumentException("Option[--data-dir] is required");
		}
		return new ServerArguments(dataDir, host, port);
	}

	private static int parsePort(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Port[" + value + "] is not a number", ex);
		}
	}

}
