package io.strata.node.overlord.worker;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.strata.node.task.Task;
import io.strata.node.zk.WorkerAnnouncement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerSelectStrategyTest {

	private static final String DEFAULT = "_default_worker_category";

	private final WorkerLoad idle = load("a:8091", 3, 0, DEFAULT, "0");

	private final WorkerLoad busy = load("b:8091", 3, 2, DEFAULT, "0");

	private final WorkerLoad batch = load("c:8091", 2, 1, "batch", "0");

	@Test
	void equalDistributionPicksTheWorkerWithTheMostFreeSlots() {
		WorkerSelectStrategy strategy = new WorkerSelectStrategy.EqualDistribution();

		assertThat(host(strategy.select(task("index_parallel", "ds"), List.of(this.busy, this.idle, this.batch))))
			.isEqualTo("a:8091");
		assertThat(host(strategy.select(task("noop", "ds"), List.of(load("y:1", 2, 0, DEFAULT, "0"),
				load("x:1", 2, 0, DEFAULT, "0"))))).as("ties go to the first host").isEqualTo("x:1");
	}

	@Test
	void fillCapacityPicksTheBusiestWorkerWithAFreeSlot() {
		WorkerSelectStrategy strategy = new WorkerSelectStrategy.FillCapacity();

		assertThat(host(strategy.select(task("noop", "ds"), List.of(this.idle, this.busy, this.batch))))
			.isEqualTo("b:8091");
		assertThat(host(strategy.select(task("noop", "ds"), List.of(this.idle, load("b:8091", 3, 3, DEFAULT, "0")))))
			.as("a full worker is skipped")
			.isEqualTo("a:8091");
	}

	@Test
	void noWorkerWhenAllAreFullOrDisabled() {
		List<WorkerLoad> none = List.of(load("a:1", 2, 2, DEFAULT, "0"), load("b:1", 2, 0, DEFAULT, ""));

		assertThat(new WorkerSelectStrategy.EqualDistribution().select(task("noop", "ds"), none)).isEmpty();
		assertThat(new WorkerSelectStrategy.FillCapacity().select(task("noop", "ds"), none)).isEmpty();
	}

	@Test
	void theCategorySpecSendsATaskTypeToItsCategoryAndADatasourceToItsAffinity() {
		WorkerCategorySpec spec = new WorkerCategorySpec(
				Map.of("compact", new WorkerCategorySpec.CategoryConfig("batch", Map.of("hot", DEFAULT))), false);
		WorkerSelectStrategy strategy = new WorkerSelectStrategy.EqualDistributionWithCategorySpec(spec);
		List<WorkerLoad> workers = List.of(this.idle, this.busy, this.batch);

		assertThat(host(strategy.select(task("compact", "ds"), workers))).isEqualTo("c:8091");
		assertThat(host(strategy.select(task("compact", "hot"), workers))).isEqualTo("a:8091");
		assertThat(host(strategy.select(task("index_parallel", "ds"), workers)))
			.as("a type the spec does not name goes anywhere")
			.isEqualTo("a:8091");
		assertThat(host(new WorkerSelectStrategy.FillCapacityWithCategorySpec(spec).select(task("compact", "ds"), workers)))
			.isEqualTo("c:8091");
	}

	@Test
	void aStrongSpecWaitsForItsCategoryAndAWeakOneFallsBack() {
		List<WorkerLoad> batchFull = List.of(this.idle, load("c:8091", 2, 2, "batch", "0"));
		WorkerCategorySpec.CategoryConfig toBatch = new WorkerCategorySpec.CategoryConfig("batch", Map.of());

		assertThat(new WorkerSelectStrategy.EqualDistributionWithCategorySpec(
				new WorkerCategorySpec(Map.of("compact", toBatch), true))
			.select(task("compact", "ds"), batchFull)).isEmpty();
		assertThat(host(new WorkerSelectStrategy.EqualDistributionWithCategorySpec(
				new WorkerCategorySpec(Map.of("compact", toBatch), false))
			.select(task("compact", "ds"), batchFull))).isEqualTo("a:8091");
	}

	private static Task task(String type, String dataSource) {
		return new Task(type + "_1", type, type + "_1", dataSource, 0, "{}");
	}

	private static WorkerLoad load(String host, int capacity, int used, String category, String version) {
		return new WorkerLoad(new WorkerAnnouncement(host, host.substring(0, host.indexOf(':')), capacity, version, category),
				used);
	}

	private static String host(Optional<WorkerLoad> chosen) {
		return chosen.map(load -> load.worker().hostAndPort()).orElse(null);
	}

}
