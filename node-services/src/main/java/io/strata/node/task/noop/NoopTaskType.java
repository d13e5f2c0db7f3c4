package io.strata.node.task.noop;

import io.strata.engine.json.SpecNode;
import io.strata.node.task.TaskContext;
import io.strata.node.task.TaskExecutor;
import io.strata.node.task.TaskResult;
import io.strata.node.task.TaskType;

/**
 * Druid's {@code noop} task: waits {@code isReadyTime} ms, then {@code runTime} ms (2500 by
 * default), and succeeds; a shutdown ends it at once (failed). {@code firehose} is accepted and
 * ignored. Its datasource is {@code dataSource}, {@code none} by default, as in Druid.
 */
public final class NoopTaskType implements TaskType {

	public static final String NAME = "noop";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public int defaultPriority() {
		return 0;
	}

	@Override
	public TaskExecutor parse(SpecNode payload) {
		long runTime = payload.optionalLong("runTime", 2500);
		long isReadyTime = payload.optionalLong("isReadyTime", 0);
		if (runTime < 0) {
			throw payload.error("runTime", "must not be negative");
		}
		if (isReadyTime < 0) {
			throw payload.error("isReadyTime", "must not be negative");
		}
		return new Noop(payload.optionalString("dataSource", "none"), runTime, isReadyTime);
	}

	private record Noop(String dataSource, long runTime, long isReadyTime) implements TaskExecutor {

		@Override
		public TaskResult run(TaskContext context) throws InterruptedException {
			Thread.sleep(this.isReadyTime);
			context.log("Noop task[%s] is ready, running for %d ms", context.task().id(), this.runTime);
			Thread.sleep(this.runTime);
			return context.cancelled() ? TaskResult.failure("Shutdown request from user") : TaskResult.success();
		}

	}

}
