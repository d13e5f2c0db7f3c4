package io.strata.node.metadata.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.strata.node.testing.TestingMariaDb;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MetadataStoreContract} on each database a node runs its metadata store on: the embedded
 * H2 file (reached through the URL in {@code application.properties}) and MySQL/MariaDB (the local
 * server; skipped where none runs, failing under {@code CI=true}).
 */
class MetadataStoreIT {

	@Nested
	class OnH2File extends MetadataStoreContract {

		private Path baseDir;

		@Override
		protected List<String> openDatabase() {
			try {
				this.baseDir = Files.createTempDirectory("strata-metadata-it");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			// only the base directory: the JDBC URL itself is the one application.properties gives every node
			return List.of("--strata.node.base-dir=" + this.baseDir);
		}

		@Override
		protected void closeDatabase() {
			if (this.baseDir == null) {
				return;
			}
			try (Stream<Path> paths = Files.walk(this.baseDir)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		protected String reported(String name) {
			return name.toLowerCase(Locale.ROOT);
		}

		@Test
		void theDatabaseIsAFileUnderTheBaseDirectory() {
			assertThat(Files.isRegularFile(this.baseDir.resolve("metadata").resolve("strata.mv.db"))).isTrue();
		}

	}

	@Nested
	class OnMariaDb extends MetadataStoreContract {

		private TestingMariaDb database;

		@Override
		protected List<String> openDatabase() {
			this.database = TestingMariaDb.create();
			return List.of("--spring.datasource.url=" + this.database.url(),
					"--spring.datasource.username=" + this.database.user(),
					"--spring.datasource.password=" + this.database.password());
		}

		@Override
		protected void closeDatabase() {
			if (this.database != null) {
				this.database.close();
			}
		}

		@Override
		protected String reported(String name) {
			return name;
		}

	}

}
