package io.strata.engine.batch;

import com.sun.net.httpserver.HttpServer;
import io.strata.engine.error.StrataException;
import io.strata.engine.input.InputEntity;
import io.strata.engine.input.InputSource;
import io.strata.engine.input.source.HttpInputSource;
import io.strata.engine.input.source.InlineInputSource;
import io.strata.engine.input.source.InputSourceJson;
import io.strata.engine.input.source.LocalInputSource;
import io.strata.engine.json.SpecNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine's input sources and their Druid JSON. */
class InputSourceTest {

	private static SpecNode json(String text) {
		return SpecNode.root(JsonMapper.builder().build().readTree(text), "inputSource");
	}

	private static String read(InputEntity entity) {
		try (InputStream in = entity.open()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void localWalksBaseDirForFileNamesMatchingTheFilterAfterTheListedFiles(@TempDir Path directory) throws Exception {
		UsageFiles.write(directory.resolve("b.json"), "b");
		UsageFiles.write(directory.resolve("sub/a.json"), "a");
		UsageFiles.write(directory.resolve("c.csv"), "c");
		Path listed = UsageFiles.write(directory.resolve("other/listed.txt"), "listed");
		ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
			out.write("zipped".getBytes(StandardCharsets.UTF_8));
		}
		Files.write(directory.resolve("d.json.gz"), gzipped.toByteArray());
		InputSource source = new InputSourceJson().read(json("""
				{"type": "local", "baseDir": "%s", "filter": "*.json*", "files": ["%s"]}""".formatted(directory, listed)));
		List<InputEntity> entities = source.entities();
		assertThat(entities).extracting(InputEntity::name)
			.containsExactly(listed.toString(), directory.resolve("b.json").toString(),
					directory.resolve("d.json.gz").toString(), directory.resolve("sub/a.json").toString());
		assertThat(entities).extracting(InputSourceTest::read).containsExactly("listed", "b", "zipped", "a");
		try (InputEntity.FetchedFile file = entities.get(1).fetch(directory.resolve("tmp"))) {
			assertThat(file.path()).isEqualTo(directory.resolve("b.json"));
			assertThat(file.temporary()).isFalse();
		}
		assertThat(directory.resolve("b.json")).exists();
	}

	@Test
	void inlineDataIsOneEntity() {
		InputSource source = new InputSourceJson().read(json("{\"type\": \"inline\", \"data\": \"x\\ny\"}"));
		assertThat(source).isEqualTo(new InlineInputSource("x\ny"));
		assertThat(source.entities()).extracting(InputSourceTest::read).containsExactly("x\ny");
	}

	@Test
	void httpFetchesEachUriWithBasicAuthentication(@TempDir Path directory) throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			byte[] body = (exchange.getRequestURI().getPath() + " " + authorization).getBytes(StandardCharsets.UTF_8);
			int status = exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200;
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		try {
			String base = "http://127.0.0.1:" + server.getAddress().getPort();
			InputSource source = new InputSourceJson().read(json("""
					{"type": "http", "uris": ["%s/one.json", "%s/two.json"], "httpAuthenticationUsername": "ingest",
					 "httpAuthenticationPassword": {"type": "default", "password": "secret"}}""".formatted(base, base)));
			assertThat(source.toString()).doesNotContain("secret");
			List<InputEntity> entities = source.entities();
			assertThat(entities).extracting(InputEntity::name).containsExactly(base + "/one.json", base + "/two.json");
			assertThat(read(entities.get(0))).isEqualTo("/one.json Basic aW5nZXN0OnNlY3JldA==");
			Path copy;
			try (InputEntity.FetchedFile file = entities.get(1).fetch(directory)) {
				assertThat(file.temporary()).isTrue();
				assertThat(Files.readString(file.path())).startsWith("/two.json");
				copy = file.path();
			}
			assertThat(copy).doesNotExist();
			InputEntity missing = HttpInputSource.of(List.of(URI.create(base + "/missing"))).entities().getFirst();
			assertThatThrownBy(missing::open).isInstanceOf(StrataException.class)
				.hasMessageContaining("uri[" + base + "/missing] answered status[404]");
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void anotherLayerAddsItsOwnSourceTypes() {
		InputSource fake = new InlineInputSource("from s3");
		InputSourceJson reader = new InputSourceJson(Map.of("s3", node -> {
			assertThat(node.optionalStringList("uris")).containsExactly("s3://bucket/a.json");
			return fake;
		}));
		assertThat(reader.read(json("{\"type\": \"s3\", \"uris\": [\"s3://bucket/a.json\"]}"))).isSameAs(fake);
		assertThatThrownBy(() -> new InputSourceJson().read(json("{\"type\": \"s3\"}")))
			.hasMessageContaining("field[inputSource.type] is an unknown input source [s3]; expected one of [local, inline, http]");
		assertThatThrownBy(() -> new InputSourceJson().read(json("{\"type\": \"local\", \"baseDir\": \"/tmp\"}")))
			.hasMessageContaining("field[inputSource.filter] is required with baseDir");
		assertThatThrownBy(() -> new InputSourceJson().read(json("{\"type\": \"http\", \"uris\": [\"ftp://x/y\"]}")))
			.hasMessageContaining("is not http or https");
		assertThatThrownBy(() -> new LocalInputSource(Path.of("/does/not/exist"), "*", List.of()).entities())
			.hasMessageContaining("Input baseDir[/does/not/exist] is not a directory");
	}

}
