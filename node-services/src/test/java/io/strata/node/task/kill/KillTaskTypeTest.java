package io.strata.node.task.kill;

import java.util.List;

import io.strata.engine.error.StrataException;
import io.strata.node.task.Task;
import io.strata.node.task.TaskJson;
import io.strata.node.task.TaskTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KillTaskTypeTest {

	private final TaskTypes types = new TaskTypes(List.of(new KillTaskType()));

	private final TaskJson json = new TaskJson();

	@Test
	void aKillTaskIsAcceptedWithDruidsFieldsAndIdForm() {
		Task task = this.json.readSubmitted("""
				{"type": "kill", "dataSource": "wiki", "interval": "2026-10-01/2026-10-03",
				 "versions": ["v1"], "batchSize": 5, "limit": 20}""", this.types);

		assertThat(task.type()).isEqualTo("kill");
		assertThat(task.dataSource()).isEqualTo("wiki");
		assertThat(task.priority()).isZero();
		assertThat(task.id()).matches("kill_wiki_[a-z]{8}_\\d{4}-.*Z");
		assertThat(this.types.executor(task).dataSource()).isEqualTo("wiki");
	}

	@Test
	void badFieldsAreNamed() {
		assertError("{\"type\": \"kill\", \"interval\": \"2026-10-01/2026-10-03\"}", "dataSource");
		assertError("{\"type\": \"kill\", \"dataSource\": \"wiki\"}", "interval");
		assertError("{\"type\": \"kill\", \"dataSource\": \"wiki\", \"interval\": \"yesterday\"}", "interval");
		assertError("{\"type\": \"kill\", \"dataSource\": \"wiki\", \"interval\": \"2026-10-01/2026-10-03\", \"batchSize\": 0}",
				"batchSize");
		assertError("{\"type\": \"kill\", \"dataSource\": \"wiki\", \"interval\": \"2026-10-01/2026-10-03\", \"limit\": 0}",
				"limit");
		assertError("{\"type\": \"kill\", \"dataSource\": \"wiki\", \"interval\": \"2026-10-01/2026-10-03\", \"versions\": \"v1\"}",
				"versions");
		assertError("{\"type\": \"kill\", \"dataSource\": \"wiki\", \"interval\": \"2026-10-01/2026-10-03\", \"markAsUnused\": true}",
				"markAsUnused");
		assertError("{\"type\": \"kill\", \"dataSource\": \"wiki\", \"interval\": \"2026-10-01/2026-10-03\", "
				+ "\"maxUsedStatusLastUpdatedTime\": \"2026-10-01\"}", "maxUsedStatusLastUpdatedTime");
		assertError("{\"type\": \"kill\", \"dataSource\": \"wiki\", \"interval\": \"2026-10-01/2026-10-03\", "
				+ "\"context\": {\"taskLockTimeout\": 0}}", "context.taskLockTimeout");
	}

	private void assertError(String body, String field) {
		assertThatThrownBy(() -> this.json.readSubmitted(body, this.types)).as(body)
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("field[" + field);
	}

}
