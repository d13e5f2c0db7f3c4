package io.strata.node.overlord.worker;

import java.util.Map;

import io.strata.engine.error.StrataException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerBehaviorConfigJsonTest {

	private final WorkerBehaviorConfigJson json = new WorkerBehaviorConfigJson();

	@Test
	void druidsCategoryConfigReadsAndWritesBackInDruidsShape() {
		String config = """
				{"type": "default", "selectStrategy": {"type": "equalDistributionWithCategorySpec",
				 "workerCategorySpec": {"strong": true, "categoryMap": {"compact": {"defaultCategory": "batch",
				 "categoryAffinity": {"wiki": "_default_worker_category"}}}},
				 "taskLimits": {"maxSlotCountByType": {}}}, "autoScaler": null}""";

		WorkerSelectStrategy strategy = this.json.read(config);

		assertThat(strategy).isEqualTo(new WorkerSelectStrategy.EqualDistributionWithCategorySpec(new WorkerCategorySpec(
				Map.of("compact",
						new WorkerCategorySpec.CategoryConfig("batch", Map.of("wiki", "_default_worker_category"))),
				true)));
		assertThat(this.json.write(strategy)).isEqualTo("{\"type\":\"default\",\"selectStrategy\":{"
				+ "\"type\":\"equalDistributionWithCategorySpec\",\"workerCategorySpec\":{\"categoryMap\":{\"compact\":{"
				+ "\"defaultCategory\":\"batch\",\"categoryAffinity\":{\"wiki\":\"_default_worker_category\"}}},"
				+ "\"strong\":true}},\"autoScaler\":null}");
		assertThat(this.json.read(this.json.write(strategy))).isEqualTo(strategy);
	}

	@Test
	void theDefaultIsEqualDistribution() {
		assertThat(this.json.read("{}")).isEqualTo(WorkerSelectStrategy.DEFAULT);
		assertThat(this.json.write(WorkerSelectStrategy.DEFAULT))
			.isEqualTo("{\"type\":\"default\",\"selectStrategy\":{\"type\":\"equalDistribution\"},\"autoScaler\":null}");
		assertThat(this.json.read("{\"selectStrategy\": {\"type\": \"fillCapacity\"}}"))
			.isEqualTo(new WorkerSelectStrategy.FillCapacity());
	}

	@Test
	void badConfigsNameTheField() {
		assertThatThrownBy(() -> this.json.read("{\"selectStrategy\": {\"type\": \"javascript\"}}"))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("selectStrategy.type");
		assertThatThrownBy(() -> this.json.read("{\"autoScaler\": {\"type\": \"ec2\"}}"))
			.hasMessageContaining("autoScaler");
		assertThatThrownBy(() -> this.json.read("{\"selectStrategy\": {\"type\": \"fillCapacityWithCategorySpec\","
				+ " \"workerCategorySpec\": {\"categoryMap\": {\"compact\": 3}}}}"))
			.hasMessageContaining("selectStrategy.workerCategorySpec.categoryMap.compact");
		assertThatThrownBy(() -> this.json.read("[1]")).hasMessageContaining("JSON object");
	}

}
