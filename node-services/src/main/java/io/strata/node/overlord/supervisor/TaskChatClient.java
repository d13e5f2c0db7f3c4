package io.strata.node.overlord.supervisor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.strata.engine.json.SpecNode;
import io.strata.node.metadata.StreamOffsetsJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The supervisor's side of a streaming task's chat API ({@code /druid/worker/v1/chat/{taskId}/...}
 * on the task's worker). Every call answers empty when the task cannot be reached or refuses:
 * the supervisor decides again on its next run. Thread-safe.
 */
final class TaskChatClient implements AutoCloseable {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TaskChatClient.class);

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final JsonMapper mapper = JsonMapper.builder().build();

	Optional<String> status(String worker, String taskId) {
		return call(worker, taskId, "GET", "status", null, Duration.ofSeconds(5)).map(JsonNode::asString);
	}

	Optional<Map<Integer, Long>> currentOffsets(String worker, String taskId) {
		return call(worker, taskId, "GET", "offsets/current", null, Duration.ofSeconds(5)).map(TaskChatClient::offsets);
	}

	Optional<Map<Integer, Long>> endOffsets(String worker, String taskId) {
		return call(worker, taskId, "GET", "offsets/end", null, Duration.ofSeconds(5)).map(TaskChatClient::offsets);
	}

	/** Whether the task asks for its group to end now (a segment reached {@code maxRowsPerSegment}). */
	boolean checkpointRequested(String worker, String taskId) {
		return call(worker, taskId, "GET", "checkpoint", null, Duration.ofSeconds(5))
			.map(json -> json.path("requested").asBoolean(false))
			.orElse(false);
	}

	/** Pauses the task; the offsets it stopped at. */
	Optional<Map<Integer, Long>> pause(String worker, String taskId) {
		return call(worker, taskId, "POST", "pause", "{}", Duration.ofSeconds(15)).map(TaskChatClient::offsets);
	}

	/** Sets the task's end offsets and lets it finish; whether it took them. */
	boolean setEndOffsets(String worker, String taskId, Map<Integer, Long> end) {
		return call(worker, taskId, "POST", "offsets/end?finish=true",
				this.mapper.writeValueAsString(StreamOffsetsJson.writeOffsetMap(end)),
				Duration.ofSeconds(10)).isPresent();
	}

	private Optional<JsonNode> call(String worker, String taskId, String method, String path, String body,
			Duration timeout) {
		HttpRequest.Builder request = HttpRequest.newBuilder(
				URI.create("http://" + worker + "/druid/worker/v1/chat/" + taskId + "/" + path))
			.timeout(timeout)
			.header("Content-Type", "application/json");
		request = body == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(body));
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				log.info("Task[{}] answered {} to {} {}: {}", taskId, response.statusCode(), method, path, response.body());
				return Optional.empty();
			}
			return Optional.of(this.mapper.readTree(response.body()));
		}
		catch (IOException ex) {
			log.info("Task[{}] on worker[{}] did not answer {} {}: {}", taskId, worker, method, path, ex.toString());
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private static Map<Integer, Long> offsets(JsonNode json) {
		return StreamOffsetsJson.readOffsetMap(SpecNode.root(json, "offsets"));
	}

	@Override
	public void close() {
		this.http.close();
	}

}
