package io.strata.node.overlord.worker;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.strata.node.task.Task;

/**
 * Druid's worker select strategies: which worker gets a task. {@code equalDistribution} (the
 * default) picks the worker with the most free slots; {@code fillCapacity} the busiest worker
 * that still has one. The category forms first look among the workers of the task's category
 * (see {@link WorkerCategorySpec}). Ties go to the first worker by host.
 */
public sealed interface WorkerSelectStrategy {

	WorkerSelectStrategy DEFAULT = new EqualDistribution();

	/** Druid's {@code type}. */
	String type();

	/** The worker for the task among {@code workers}, or empty when none can take it now. */
	Optional<WorkerLoad> select(Task task, List<WorkerLoad> workers);

	record EqualDistribution() implements WorkerSelectStrategy {

		@Override
		public String type() {
			return "equalDistribution";
		}

		@Override
		public Optional<WorkerLoad> select(Task task, List<WorkerLoad> workers) {
			return pick(workers, Comparator.comparingInt(WorkerLoad::available));
		}

	}

	record EqualDistributionWithCategorySpec(WorkerCategorySpec workerCategorySpec) implements WorkerSelectStrategy {

		@Override
		public String type() {
			return "equalDistributionWithCategorySpec";
		}

		@Override
		public Optional<WorkerLoad> select(Task task, List<WorkerLoad> workers) {
			return byCategory(task, workers, this.workerCategorySpec, Comparator.comparingInt(WorkerLoad::available));
		}

	}

	record FillCapacity() implements WorkerSelectStrategy {

		@Override
		public String type() {
			return "fillCapacity";
		}

		@Override
		public Optional<WorkerLoad> select(Task task, List<WorkerLoad> workers) {
			return pick(workers, Comparator.comparingInt(WorkerLoad::used));
		}

	}

	record FillCapacityWithCategorySpec(WorkerCategorySpec workerCategorySpec) implements WorkerSelectStrategy {

		@Override
		public String type() {
			return "fillCapacityWithCategorySpec";
		}

		@Override
		public Optional<WorkerLoad> select(Task task, List<WorkerLoad> workers) {
			return byCategory(task, workers, this.workerCategorySpec, Comparator.comparingInt(WorkerLoad::used));
		}

	}

	/** The best runnable worker by {@code preference} (greatest wins), the first by host among equals. */
	private static Optional<WorkerLoad> pick(List<WorkerLoad> workers, Comparator<WorkerLoad> preference) {
		WorkerLoad best = null;
		List<WorkerLoad> byHost = workers.stream()
			.sorted(Comparator.comparing(w -> w.worker().hostAndPort()))
			.toList();
		for (WorkerLoad worker : byHost) {
			if (worker.canRunTask() && (best == null || preference.compare(worker, best) > 0)) {
				best = worker;
			}
		}
		return Optional.ofNullable(best);
	}

	private static Optional<WorkerLoad> byCategory(Task task, List<WorkerLoad> workers, WorkerCategorySpec spec,
			Comparator<WorkerLoad> preference) {
		String category = spec.categoryOf(task.type(), task.dataSource());
		if (category != null) {
			Optional<WorkerLoad> inCategory = pick(
					workers.stream().filter(w -> w.worker().category().equals(category)).toList(), preference);
			if (inCategory.isPresent() || spec.strong()) {
				return inCategory;
			}
		}
		return pick(workers, preference);
	}

}
