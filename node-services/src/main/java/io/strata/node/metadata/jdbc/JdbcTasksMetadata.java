package io.strata.node.metadata.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.strata.engine.error.StrataException;
import io.strata.node.metadata.TasksMetadata;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** {@link TasksMetadata} on {@code <prefix>_tasks}. Thread-safe. */
public final class JdbcTasksMetadata implements TasksMetadata {

	private final JdbcAggregateTemplate template;

	private final NamedParameterJdbcTemplate jdbc;

	private final String table;

	public JdbcTasksMetadata(JdbcAggregateTemplate template, NamedParameterJdbcTemplate jdbc, String prefix) {
		this.template = template;
		this.jdbc = jdbc;
		this.table = prefix + "_tasks";
	}

	@Override
	public void insert(TaskEntry task) {
		try {
			this.template.insert(new TaskRow(task.id(), task.createdDate(), task.dataSource(), task.payload(),
					task.statusPayload(), task.active(), task.type(), task.groupId()));
		}
		catch (DuplicateKeyException ex) {
			throw StrataException.invalidInput("Task[%s] already exists", task.id());
		}
	}

	@Override
	public Optional<TaskEntry> get(String id) {
		return Optional.ofNullable(this.template.findById(id, TaskRow.class)).map(JdbcTasksMetadata::entry);
	}

	@Override
	public List<TaskEntry> active() {
		List<TaskEntry> active = new ArrayList<>();
		this.template.findAll(Query.query(Criteria.where("active").isTrue()), TaskRow.class)
			.forEach(row -> active.add(entry(row)));
		active.sort((a, b) -> a.createdDate().equals(b.createdDate()) ? a.id().compareTo(b.id())
				: a.createdDate().compareTo(b.createdDate()));
		return active;
	}

	@Override
	public List<TaskEntry> complete(String createdSince, String dataSourceOrNull, String typeOrNull, int limit) {
		StringBuilder sql = new StringBuilder("SELECT id, created_date, datasource, payload, status_payload, active, type, "
				+ "group_id FROM " + this.table + " WHERE active = FALSE AND created_date >= :since");
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("since", createdSince);
		if (dataSourceOrNull != null) {
			sql.append(" AND datasource = :dataSource");
			parameters.put("dataSource", dataSourceOrNull);
		}
		if (typeOrNull != null) {
			sql.append(" AND type = :type");
			parameters.put("type", typeOrNull);
		}
		sql.append(" ORDER BY created_date DESC, id DESC LIMIT ").append(Math.max(0, limit));
		return this.jdbc.query(sql.toString(), parameters,
				(rs, row) -> new TaskEntry(rs.getString("id"), rs.getString("created_date"), rs.getString("datasource"),
						rs.getString("type"), rs.getString("group_id"), rs.getString("payload"),
						rs.getString("status_payload"), rs.getBoolean("active")));
	}

	@Override
	public void setStatus(String id, String statusPayload, boolean active) {
		int changed = this.jdbc.update(
				"UPDATE " + this.table + " SET status_payload = :status, active = :active WHERE id = :id",
				Map.of("status", statusPayload, "active", active, "id", id));
		if (changed == 0) {
			throw StrataException.defensive("Task[%s] has no row to store its status in", id);
		}
	}

	private static TaskEntry entry(TaskRow row) {
		return new TaskEntry(row.id(), row.createdDate(), row.dataSource(), row.type(), row.groupId(), row.payload(),
				row.statusPayload(), row.active());
	}

}
