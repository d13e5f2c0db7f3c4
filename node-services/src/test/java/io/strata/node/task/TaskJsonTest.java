package io.strata.node.task;

import java.util.List;

import io.strata.engine.error.StrataException;
import io.strata.engine.time.Interval;
import io.strata.node.task.noop.NoopTaskType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskJsonTest {

	private final TaskJson json = new TaskJson();

	private final TaskTypes types = new TaskTypes(List.of(new NoopTaskType()));

	@Test
	void aSubmittedTaskKeepsItsPayloadAndGetsItsIdsFilledIn() {
		Task task = this.json.readSubmitted(
				"{\"type\": \"noop\", \"runTime\": 10, \"context\": {\"priority\": \"40\"}, \"firehose\": {\"x\": 1}}",
				this.types);

		assertThat(task.id()).matches("noop_none_[a-z]{8}_\\d{4}-.*Z");
		assertThat(task.groupId()).isEqualTo(task.id());
		assertThat(task.dataSource()).isEqualTo("none");
		assertThat(task.priority()).isEqualTo(40);
		JsonNode payload = JsonMapper.builder().build().readTree(task.payload());
		assertThat(payload.path("id").asString()).isEqualTo(task.id());
		assertThat(payload.path("firehose").path("x").asInt()).isEqualTo(1);
		assertThat(this.json.readStored(task.payload(), this.types)).isEqualTo(task);
	}

	@Test
	void givenIdsAndDefaultsAreKept() {
		Task task = this.json.readSubmitted("{\"type\": \"noop\", \"id\": \"mine\", \"groupId\": \"g\", \"dataSource\": \"wiki\"}",
				this.types);

		assertThat(task).extracting(Task::id, Task::groupId, Task::dataSource, Task::priority)
			.containsExactly("mine", "g", "wiki", 0);
	}

	@Test
	void badTasksNameTheField() {
		assertThatThrownBy(() -> this.json.readSubmitted("{\"type\": \"noop\", \"runTime\": \"x\"}", this.types))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("runTime");
		assertThatThrownBy(() -> this.json.readSubmitted("{\"type\": \"kill\"}", this.types))
			.hasMessageContaining("type")
			.hasMessageContaining("[noop]");
		assertThatThrownBy(() -> this.json.readSubmitted("{\"type\": \"noop\", \"id\": \"a/b\"}", this.types))
			.hasMessageContaining("id");
		assertThatThrownBy(() -> this.json.readSubmitted("{\"type\": \"noop\"", this.types))
			.hasMessageContaining("not valid JSON");
		assertThatThrownBy(() -> this.json.readSubmitted("{}", this.types)).hasMessageContaining("type");
	}

	@Test
	void statusesAndLocksRoundTripInDruidsShape() {
		TaskState state = new TaskState("t", TaskStatusCode.FAILED, 12, "boom", new TaskLocation("h", 8091, -1));
		assertThat(this.json.writeState(state)).isEqualTo("{\"id\":\"t\",\"status\":\"FAILED\",\"duration\":12,"
				+ "\"errorMsg\":\"boom\",\"location\":{\"host\":\"h\",\"port\":8091,\"tlsPort\":-1}}");
		assertThat(this.json.readState(this.json.writeState(state))).isEqualTo(state);

		TaskLock lock = new TaskLock(LockType.SHARED, "g", "wiki", Interval.parse("2026-10-01/2026-10-02"),
				"2026-12-01T00:00:00.000Z", 50, false);
		assertThat(this.json.writeLock(lock)).isEqualTo("{\"type\":\"SHARED\",\"granularity\":\"timeChunk\",\"groupId\":\"g\","
				+ "\"dataSource\":\"wiki\",\"interval\":\"2026-10-01T00:00:00.000Z/2026-10-02T00:00:00.000Z\","
				+ "\"version\":\"2026-12-01T00:00:00.000Z\",\"priority\":50,\"revoked\":false}");
		assertThat(this.json.readLock(this.json.writeLock(lock))).isEqualTo(lock);
	}

	@Test
	void taskActionsRoundTrip() {
		TaskActionJson actions = new TaskActionJson();
		TaskAction acquire = new TaskAction.LockAcquire(LockType.EXCLUSIVE, Interval.parse("2026-10-01/2026-10-02"), 500);

		assertThat(actions.read(actions.write("t", acquire))).isEqualTo(new TaskActionJson.Request("t", acquire));
		assertThat(actions.read("{\"task\": {\"id\": \"t\", \"type\": \"noop\"}, \"action\": {\"type\": \"lockList\"}}"))
			.isEqualTo(new TaskActionJson.Request("t", new TaskAction.LockList()));
		assertThatThrownBy(() -> actions.read("{\"task\": \"t\", \"action\": {\"type\": \"segmentNuke\"}}"))
			.hasMessageContaining("action.type");
	}

}
