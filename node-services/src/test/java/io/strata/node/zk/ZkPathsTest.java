package io.strata.node.zk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZkPathsTest {

	private static final String SEGMENT = "wikipedia_2024-01-01T00:00:00.000Z_2024-01-02T00:00:00.000Z_v1_3";

	@Test
	void followsDruidsLayoutUnderTheBasePath() {
		ZkPaths paths = new ZkPaths("/druid");

		assertThat(paths.announcements()).isEqualTo("/druid/announcements");
		assertThat(paths.announcement("h1:8083")).isEqualTo("/druid/announcements/h1:8083");
		assertThat(paths.servedSegments()).isEqualTo("/druid/segments");
		assertThat(paths.servedSegments("h1:8083")).isEqualTo("/druid/segments/h1:8083");
		assertThat(paths.servedSegment("h1:8083", SEGMENT)).isEqualTo("/druid/segments/h1:8083/" + SEGMENT);
		assertThat(paths.loadQueue("h1:8083")).isEqualTo("/druid/loadQueue/h1:8083");
		assertThat(paths.loadRequest("h1:8083", SEGMENT)).isEqualTo("/druid/loadQueue/h1:8083/" + SEGMENT);
		assertThat(paths.coordinatorLeader()).isEqualTo("/druid/coordinator/_COORDINATOR");
		assertThat(paths.overlordLeader()).isEqualTo("/druid/overlord/_OVERLORD");
		assertThat(paths.workerAnnouncement("h1:8091")).isEqualTo("/druid/indexer/announcements/h1:8091");
		assertThat(paths.taskAssignment("h1:8091", "noop_1")).isEqualTo("/druid/indexer/tasks/h1:8091/noop_1");
		assertThat(paths.taskStatus("h1:8091", "noop_1")).isEqualTo("/druid/indexer/status/h1:8091/noop_1");
	}

	@Test
	void aNestedBasePathIsKeptWhole() {
		ZkPaths paths = new ZkPaths("/prod/strata");

		assertThat(paths.announcement("h:1")).isEqualTo("/prod/strata/announcements/h:1");
		assertThat(paths.loadQueue("h:1")).isEqualTo("/prod/strata/loadQueue/h:1");
	}

	@Test
	void theRootAsBasePathDoesNotDoubleTheSlash() {
		ZkPaths paths = new ZkPaths("/");

		assertThat(paths.announcements()).isEqualTo("/announcements");
		assertThat(paths.servedSegment("h:1", SEGMENT)).isEqualTo("/segments/h:1/" + SEGMENT);
		assertThat(paths.loadRequest("h:1", SEGMENT)).isEqualTo("/loadQueue/h:1/" + SEGMENT);
		assertThat(paths.coordinatorLeader()).isEqualTo("/coordinator/_COORDINATOR");
	}

	@Test
	void lastElementIsTheNodeOrSegmentName() {
		ZkPaths paths = new ZkPaths("/druid");

		assertThat(ZkPaths.lastElement(paths.announcement("h1:8083"))).isEqualTo("h1:8083");
		assertThat(ZkPaths.lastElement(paths.loadRequest("h1:8083", SEGMENT))).isEqualTo(SEGMENT);
		assertThat(ZkPaths.lastElement("plain")).isEqualTo("plain");
	}

	@Test
	void rejectsABasePathThatIsNotAbsoluteOrEndsWithASlash() {
		assertThatThrownBy(() -> new ZkPaths("druid")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("druid");
		assertThatThrownBy(() -> new ZkPaths("/druid/")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("/druid/");
		assertThatThrownBy(() -> new ZkPaths("")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ZkPaths(null)).isInstanceOf(NullPointerException.class)
			.hasMessageContaining("basePath");
	}

}
