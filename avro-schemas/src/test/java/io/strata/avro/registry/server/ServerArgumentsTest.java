package io.strata.avro.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServerArgumentsTest {

	@Test
	void defaultsToConfluentsPortOnLoopback() {
		assertThat(ServerArguments.parse(new String[] { "--data-dir", "/tmp/reg" }))
			.isEqualTo(new ServerArguments(Path.of("/tmp/reg"), "127.0.0.1", 8081));
	}

	@Test
	void everyOptionBinds() {
		assertThat(ServerArguments.parse(new String[] { "--port", "8085", "--data-dir", "d", "--host", "0.0.0.0" }))
			.isEqualTo(new ServerArguments(Path.of("d"), "0.0.0.0", 8085));
	}

	@Test
	void mistakesAreNamed() {
		assertThatThrownBy(() -> ServerArguments.parse(new String[] { "--port", "8085" }))
			.hasMessageContaining("--data-dir");
		assertThatThrownBy(() -> ServerArguments.parse(new String[] { "--data-dir", "d", "--port", "http" }))
			.hasMessageContaining("Port[http]");
		assertThatThrownBy(() -> ServerArguments.parse(new String[] { "--data-dir", "d", "--verbose" }))
			.hasMessageContaining("--verbose");
		assertThatThrownBy(() -> ServerArguments.parse(new String[] { "--data-dir", "d", "--colour", "x" }))
			.hasMessageContaining("Unknown option[--colour]");
	}

}
