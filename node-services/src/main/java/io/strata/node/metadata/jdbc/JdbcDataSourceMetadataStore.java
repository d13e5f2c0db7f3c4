package io.strata.node.metadata.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.strata.engine.error.StrataException;
import io.strata.engine.time.IsoTime;
import io.strata.node.metadata.DataSourceMetadataStore;
import io.strata.node.metadata.StreamOffsets;
import io.strata.node.metadata.StreamOffsetsJson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link DataSourceMetadataStore} on {@code <prefix>_dataSource}. The compare-and-swap is Druid's:
 * an update conditioned on the SHA-1 of the payload read (hex, upper case), or an insert that a
 * concurrent insert makes fail on the primary key. Thread-safe.
 */
public final class JdbcDataSourceMetadataStore implements DataSourceMetadataStore {

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final String table;

	private final StreamOffsetsJson json = new StreamOffsetsJson();

	public JdbcDataSourceMetadataStore(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions,
			String prefix) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.table = prefix + "_dataSource";
	}

	@Override
	public Optional<StreamOffsets> read(String dataSource) {
		return readPayload(dataSource).map(payload -> this.json.read(payload, "commit_metadata_payload"));
	}

	private Optional<String> readPayload(String dataSource) {
		List<String> payloads = this.jdbc.queryForList(
				"SELECT commit_metadata_payload FROM " + this.table + " WHERE dataSource = :dataSource",
				Map.of("dataSource", dataSource), String.class);
		return payloads.stream().findFirst();
	}

	@Override
	public boolean compareAndSwap(String dataSource, Optional<StreamOffsets> expected, StreamOffsets replacement) {
		Boolean swapped = this.transactions.execute(status -> {
			Optional<String> stored = readPayload(dataSource);
			Optional<StreamOffsets> current = stored.map(payload -> this.json.read(payload, "commit_metadata_payload"));
			if (!current.equals(expected)) {
				return false;
			}
			return swap(dataSource, stored, replacement);
		});
		return Boolean.TRUE.equals(swapped);
	}

	/** Writes {@code replacement} if the stored payload is still {@code stored}. */
	private boolean swap(String dataSource, Optional<String> stored, StreamOffsets replacement) {
		String payload = this.json.toJson(replacement, StreamOffsetsJson.Kind.END);
		if (stored.isEmpty()) {
			try {
				return this.jdbc.update("INSERT INTO " + this.table
						+ " (dataSource, created_date, commit_metadata_payload, commit_metadata_sha1)"
						+ " VALUES (:dataSource, :now, :payload, :sha1)",
						Map.of("dataSource", dataSource, "now", IsoTime.format(System.currentTimeMillis()), "payload",
								payload, "sha1", sha1(payload))) == 1;
			}
			catch (DuplicateKeyException ex) {
				// another writer committed first
				return false;
			}
		}
		return this.jdbc.update("UPDATE " + this.table
				+ " SET commit_metadata_payload = :payload, commit_metadata_sha1 = :sha1"
				+ " WHERE dataSource = :dataSource AND commit_metadata_sha1 = :oldSha1",
				Map.of("dataSource", dataSource, "payload", payload, "sha1", sha1(payload), "oldSha1",
						sha1(stored.get()))) == 1;
	}

	@Override
	public boolean delete(String dataSource) {
		return this.jdbc.update("DELETE FROM " + this.table + " WHERE dataSource = :dataSource",
				Map.of("dataSource", dataSource)) > 0;
	}

	@Override
	public void publish(String dataSource, StreamOffsets start, StreamOffsets end, Runnable insertSegments) {
		this.transactions.executeWithoutResult(status -> {
			Optional<String> stored = readPayload(dataSource);
			Optional<StreamOffsets> current = stored.map(payload -> this.json.read(payload, "commit_metadata_payload"));
			if (!start.stream().equals(end.stream())) {
				throw StrataException.invalidInput("Start stream[%s] and end stream[%s] of a publish differ",
						start.stream(), end.stream());
			}
			if (current.isPresent() && !current.get().matches(start)) {
				throw StrataException.invalidInput(
						"Inconsistent metadata state: dataSource[%s] has committed offsets[%s] but the task started from[%s]; "
								+ "another task (a replica or an earlier attempt) already published them, or the offsets were reset",
						dataSource, describe(current.get()), describe(start));
			}
			StreamOffsets next = current.map(offsets -> offsets.plus(end)).orElse(end);
			if (!swap(dataSource, stored, next)) {
				throw StrataException.invalidInput(
						"Inconsistent metadata state: the committed offsets of dataSource[%s] changed during the publish",
						dataSource);
			}
			insertSegments.run();
		});
	}

	private static String describe(StreamOffsets offsets) {
		return offsets.stream() + offsets.partitionOffsets();
	}

	static String sha1(String payload) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(payload.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().withUpperCase().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw StrataException.defensive("SHA-1 is missing from this JVM: %s", ex.getMessage());
		}
	}

}
