package io.strata.node.task;

import java.util.List;

import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.node.deepstorage.LoadSpec;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.ShardSpec;
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
		assertThatThrownBy(() -> actions.read("{\"task\": \"t\", \"action\": {\"type\": \"segmentLockAcquire\"}}"))
			.hasMessageContaining("action.type");
	}

	@Test
	void killActionsRoundTripInDruidsShape() {
		TaskActionJson actions = new TaskActionJson();
		Interval day = Interval.parse("2026-10-01/2026-10-02");
		TaskAction retrieve = new TaskAction.RetrieveUnusedSegments("wiki", day, List.of("v1", "v2"), 10);
		TaskAction retrieveAll = new TaskAction.RetrieveUnusedSegments("wiki", day, List.of(), 0);
		DataSegment segment = new DataSegment(new SegmentId("wiki", day, "v1", 0), new LoadSpec.Local("/x"), List.of(),
				List.of(), new ShardSpec.None(), 9, 1);
		TaskAction nuke = new TaskAction.SegmentNuke(List.of(segment));

		assertThat(actions.read(actions.write("t", retrieve))).isEqualTo(new TaskActionJson.Request("t", retrieve));
		assertThat(actions.read(actions.write("t", retrieveAll))).isEqualTo(new TaskActionJson.Request("t", retrieveAll));
		assertThat(actions.read(actions.write("t", nuke))).isEqualTo(new TaskActionJson.Request("t", nuke));
		assertThat(actions.write("t", retrieve)).isEqualTo("{\"task\":\"t\",\"action\":{\"type\":\"retrieveUnusedSegments\","
				+ "\"dataSource\":\"wiki\",\"interval\":\"2026-10-01T00:00:00.000Z/2026-10-02T00:00:00.000Z\","
				+ "\"versions\":[\"v1\",\"v2\"],\"limit\":10}}");
		assertThatThrownBy(() -> actions.read("{\"task\": \"t\", \"action\": {\"type\": \"segmentNuke\"}}"))
			.hasMessageContaining("action.segments");
		assertThatThrownBy(() -> actions.read("{\"task\": \"t\", \"action\": {\"type\": \"retrieveUnusedSegments\", "
				+ "\"dataSource\": \"wiki\", \"interval\": \"2026-10-01/2026-10-02\", \"limit\": -1}}"))
			.hasMessageContaining("action.limit");
	}

}
