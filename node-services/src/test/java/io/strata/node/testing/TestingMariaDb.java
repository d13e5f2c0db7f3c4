package io.strata.node.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database on the MySQL/MariaDB server at 127.0.0.1:3306 (user root, empty password, as
 * on these machines), dropped on close. Where no server answers, the test is skipped with the
 * reason, except under {@code CI=true}, where it fails: CI starts the server, so its absence
 * there is a defect, not an excuse.
 */
public final class TestingMariaDb implements AutoCloseable {

	private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";

	private static final String USER = "root";

	private final String database;

	private TestingMariaDb(String database) {
		this.database = database;
	}

	public static TestingMariaDb create() {
		String name = "strata_it_" + Long.toHexString(ThreadLocalRandom.current().nextLong()).toLowerCase(Locale.ROOT);
		try (Connection connection = DriverManager.getConnection(SERVER + "?connectTimeout=2000", USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("CI=true but no MySQL/MariaDB server answers at 127.0.0.1:3306", ex);
			}
			Assumptions.abort("No MySQL/MariaDB server at 127.0.0.1:3306 (" + ex.getMessage()
					+ "): the MySQL metadata store tests are skipped");
		}
		return new TestingMariaDb(name);
	}

	public String url() {
		return SERVER + this.database + "?connectTimeout=5000";
	}

	public String user() {
		return USER;
	}

	public String password() {
		return "";
	}

	@Override
	public void close() {
		try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Dropping test database " + this.database + " failed", ex);
		}
	}

}
