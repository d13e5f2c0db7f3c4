package io.strata.node.task;

/**
 * A running task's HTTP conversation with its supervisor (Druid's chat handler), served by the
 * worker at {@code /druid/worker/v1/chat/{taskId}/<path>}. Called from web threads, concurrently
 * with the task's own thread.
 */
@FunctionalInterface
public interface TaskChat {

	/** The task's answer: HTTP status and a JSON body. */
	record Reply(int status, String json) {

		public static Reply ok(String json) {
			return new Reply(200, json);
		}

	}

	/**
	 * @param method {@code GET} or {@code POST}
	 * @param path what follows the task id, e.g. {@code offsets/current}
	 * @param query the raw query string, or null
	 * @param body the request body, or null
	 */
	Reply handle(String method, String path, String query, String body);

}
