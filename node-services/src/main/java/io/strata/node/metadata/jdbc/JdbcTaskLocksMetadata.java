package io.strata.node.metadata.jdbc;

import java.util.ArrayList;
import java.util.List;

import io.strata.engine.error.StrataException;
import io.strata.node.metadata.TaskLocksMetadata;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;

/** {@link TaskLocksMetadata} on {@code <prefix>_tasklocks}. Thread-safe. */
public final class JdbcTaskLocksMetadata implements TaskLocksMetadata {

	private final JdbcAggregateTemplate template;

	public JdbcTaskLocksMetadata(JdbcAggregateTemplate template) {
		this.template = template;
	}

	@Override
	public long add(String taskId, String lockPayload) {
		TaskLockRow saved = this.template.insert(new TaskLockRow(null, taskId, lockPayload));
		if (saved.id() == null) {
			throw StrataException.defensive("The database returned no id for a lock of task[%s]", taskId);
		}
		return saved.id();
	}

	@Override
	public void replace(long id, String lockPayload) {
		TaskLockRow row = this.template.findById(id, TaskLockRow.class);
		if (row != null) {
			this.template.update(new TaskLockRow(id, row.taskId(), lockPayload));
		}
	}

	@Override
	public void remove(long id) {
		this.template.deleteById(id, TaskLockRow.class);
	}

	@Override
	public List<LockEntry> all() {
		List<LockEntry> all = new ArrayList<>();
		this.template.findAll(TaskLockRow.class).forEach(row -> all.add(new LockEntry(row.id(), row.taskId(),
				row.lockPayload())));
		all.sort((a, b) -> Long.compare(a.id(), b.id()));
		return all;
	}

}
