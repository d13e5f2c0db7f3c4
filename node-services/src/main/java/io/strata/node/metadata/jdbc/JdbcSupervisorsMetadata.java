package io.strata.node.metadata.jdbc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.strata.node.metadata.SupervisorsMetadata;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** {@link SupervisorsMetadata} on {@code <prefix>_supervisors}: insert-only, newest row wins. Thread-safe. */
public final class JdbcSupervisorsMetadata implements SupervisorsMetadata {

	private final NamedParameterJdbcTemplate jdbc;

	private final String table;

	public JdbcSupervisorsMetadata(NamedParameterJdbcTemplate jdbc, String prefix) {
		this.jdbc = jdbc;
		this.table = prefix + "_supervisors";
	}

	@Override
	public void insert(String specId, String payload, String createdDate) {
		this.jdbc.update("INSERT INTO " + this.table + " (spec_id, created_date, payload) VALUES (:specId, :at, :payload)",
				Map.of("specId", specId, "at", createdDate, "payload", payload));
	}

	@Override
	public Map<String, SpecVersion> latest() {
		// the auto-increment id orders versions, even two stored within one millisecond
		List<Map.Entry<String, SpecVersion>> rows = this.jdbc.query("SELECT s.spec_id, s.payload, s.created_date FROM "
				+ this.table + " s WHERE s.id = (SELECT MAX(l.id) FROM " + this.table
				+ " l WHERE l.spec_id = s.spec_id) ORDER BY s.spec_id",
				(row, number) -> Map.entry(row.getString(1), new SpecVersion(row.getString(2), row.getString(3))));
		Map<String, SpecVersion> latest = new LinkedHashMap<>();
		rows.forEach(entry -> latest.put(entry.getKey(), entry.getValue()));
		return latest;
	}

	@Override
	public List<SpecVersion> history(String specId) {
		return this.jdbc.query(
				"SELECT payload, created_date FROM " + this.table + " WHERE spec_id = :specId ORDER BY id DESC",
				Map.of("specId", specId), (row, number) -> new SpecVersion(row.getString(1), row.getString(2)));
	}

}
