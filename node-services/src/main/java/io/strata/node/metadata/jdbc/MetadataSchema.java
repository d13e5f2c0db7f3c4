package io.strata.node.metadata.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.strata.engine.error.StrataException;
import io.strata.engine.time.IsoTime;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates and upgrades the metadata tables on start. Each migration runs once, in order, and is
 * recorded in {@code <prefix>_strata_schema}; statements are idempotent so two nodes starting
 * together on one MySQL server do no harm. Large text columns are {@code LONGTEXT} on MySQL and
 * unbounded {@code CHARACTER VARYING} on H2 (where {@code LONGTEXT} would read back as a CLOB).
 */
public final class MetadataSchema {

	/** Schema versions; append, never edit a released one. */
	private static final List<List<String>> MIGRATIONS = List.of(
			List.of("""
					CREATE TABLE IF NOT EXISTS {p}_segments (
					  id VARCHAR(255) NOT NULL PRIMARY KEY,
					  dataSource VARCHAR(255) NOT NULL,
					  created_date VARCHAR(64) NOT NULL,
					  start VARCHAR(64) NOT NULL,
					  `end` VARCHAR(64) NOT NULL,
					  partitioned BOOLEAN NOT NULL,
					  version VARCHAR(255) NOT NULL,
					  used BOOLEAN NOT NULL,
					  payload {text} NOT NULL,
					  used_status_last_updated VARCHAR(64))""",
					"CREATE INDEX {p}_idx_segments_used ON {p}_segments(used)",
					"CREATE INDEX {p}_idx_segments_datasource_used_end_start ON {p}_segments(dataSource, used, `end`, start)",
					"""
					CREATE TABLE IF NOT EXISTS {p}_rules (
					  id VARCHAR(255) NOT NULL PRIMARY KEY,
					  dataSource VARCHAR(255) NOT NULL,
					  version VARCHAR(64) NOT NULL,
					  payload {text} NOT NULL)""",
					"""
					CREATE TABLE IF NOT EXISTS {p}_config (
					  name VARCHAR(255) NOT NULL PRIMARY KEY,
					  payload {text} NOT NULL)""",
					"""
					CREATE TABLE IF NOT EXISTS {p}_audit (
					  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
					  audit_key VARCHAR(255) NOT NULL,
					  type VARCHAR(255) NOT NULL,
					  author VARCHAR(255) NOT NULL,
					  comment VARCHAR(2048) NOT NULL,
					  created_date VARCHAR(64) NOT NULL,
					  payload {text} NOT NULL)"""),
			List.of("""
					CREATE TABLE IF NOT EXISTS {p}_tasks (
					  id VARCHAR(255) NOT NULL PRIMARY KEY,
					  created_date VARCHAR(64) NOT NULL,
					  datasource VARCHAR(255) NOT NULL,
					  payload {text} NOT NULL,
					  status_payload {text} NOT NULL,
					  active BOOLEAN NOT NULL DEFAULT FALSE,
					  type VARCHAR(255),
					  group_id VARCHAR(255))""",
					"CREATE INDEX {p}_idx_tasks_active_created_date ON {p}_tasks(active, created_date)",
					"""
					CREATE TABLE IF NOT EXISTS {p}_tasklocks (
					  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
					  task_id VARCHAR(255),
					  lock_payload {text})""",
					"CREATE INDEX {p}_idx_tasklocks_task_id ON {p}_tasklocks(task_id)"),
			List.of("""
					CREATE TABLE IF NOT EXISTS {p}_dataSource (
					  dataSource VARCHAR(255) NOT NULL PRIMARY KEY,
					  created_date VARCHAR(64) NOT NULL,
					  commit_metadata_payload {text} NOT NULL,
					  commit_metadata_sha1 VARCHAR(255) NOT NULL)""",
					"""
					CREATE TABLE IF NOT EXISTS {p}_supervisors (
					  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
					  spec_id VARCHAR(255) NOT NULL,
					  created_date VARCHAR(64) NOT NULL,
					  payload {text} NOT NULL)""",
					"CREATE INDEX {p}_idx_supervisors_spec_id ON {p}_supervisors(spec_id)"),
			List.of("""
					CREATE TABLE IF NOT EXISTS {p}_pendingSegments (
					  id VARCHAR(255) NOT NULL PRIMARY KEY,
					  dataSource VARCHAR(255) NOT NULL,
					  created_date VARCHAR(64) NOT NULL,
					  start VARCHAR(64) NOT NULL,
					  `end` VARCHAR(64) NOT NULL,
					  sequence_name VARCHAR(255) NOT NULL,
					  sequence_name_prev_id_sha1 VARCHAR(255) NOT NULL,
					  payload {text} NOT NULL)""",
					"CREATE UNIQUE INDEX {p}_idx_pendingSegments_sha1 ON {p}_pendingSegments(sequence_name_prev_id_sha1)",
					"CREATE INDEX {p}_idx_pendingSegments_datasource_end_start ON {p}_pendingSegments(dataSource, `end`, start)"));

	private final JdbcTemplate jdbc;

	private final String prefix;

	private final String textType;

	public MetadataSchema(DataSource dataSource, String prefix) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.prefix = prefix;
		this.textType = isH2(dataSource) ? "CHARACTER VARYING" : "LONGTEXT";
	}

	/** Applies every migration not yet recorded; returns the schema version now in place. */
	public int createOrUpgrade() {
		this.jdbc.execute(sql("CREATE TABLE IF NOT EXISTS {p}_strata_schema (version INT NOT NULL PRIMARY KEY, "
				+ "applied VARCHAR(64) NOT NULL)"));
		Integer current = this.jdbc.queryForObject(sql("SELECT COALESCE(MAX(version), 0) FROM {p}_strata_schema"),
				Integer.class);
		int version = current == null ? 0 : current;
		for (int next = version + 1; next <= MIGRATIONS.size(); next++) {
			for (String statement : MIGRATIONS.get(next - 1)) {
				executeIdempotent(sql(statement));
			}
			this.jdbc.update(sql("INSERT INTO {p}_strata_schema (version, applied) VALUES (?, ?)"), next,
					IsoTime.format(System.currentTimeMillis()));
			version = next;
		}
		return version;
	}

	private void executeIdempotent(String statement) {
		try {
			this.jdbc.execute(statement);
		}
		catch (org.springframework.dao.DataAccessException ex) {
			// CREATE INDEX has no IF NOT EXISTS on MySQL 5.7/MariaDB 10.4: a second node gets "duplicate key name"
			String message = String.valueOf(ex.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
			boolean index = statement.startsWith("CREATE INDEX") || statement.startsWith("CREATE UNIQUE INDEX");
			if (!(index && (message.contains("duplicate") || message.contains("exists")))) {
				throw StrataException.io(ex, "Metadata schema statement failed: %s", statement);
			}
		}
	}

	private String sql(String template) {
		return template.replace("{p}", this.prefix).replace("{text}", this.textType);
	}

	private static boolean isH2(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
		}
		catch (SQLException ex) {
			throw StrataException.io(ex, "Cannot connect to the metadata store");
		}
	}

}
