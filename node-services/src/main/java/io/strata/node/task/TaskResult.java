package io.strata.node.task;

/**
 * How a run ended, as the task sees it; the worker adds duration and location.
 * @param errorMsg why it failed, null on success
 */
public record TaskResult(boolean succeeded, String errorMsg) {

	public static TaskResult success() {
		return new TaskResult(true, null);
	}

	public static TaskResult failure(String format, Object... args) {
		return new TaskResult(false, String.format(format, args));
	}

}
