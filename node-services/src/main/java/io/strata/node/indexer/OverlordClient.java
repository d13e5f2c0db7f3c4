package io.strata.node.indexer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import io.strata.engine.error.StrataException;
import io.strata.node.task.TaskAction;
import io.strata.node.task.TaskActionJson;
import io.strata.node.zk.LeaderElection;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts task actions to the overlord leader, found in ZooKeeper. While there is no leader (an
 * overlord restarting) or it is not ready, it retries for {@code patience}; an answer that refuses
 * the action (4xx) fails at once with the overlord's message. Thread-safe.
 */
final class OverlordClient implements AutoCloseable {

	private final ZkNodes zk;

	private final ZkPaths paths;

	private final Duration patience;

	private final TaskActionJson json = new TaskActionJson();

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	OverlordClient(ZkNodes zk, ZkPaths paths, Duration patience) {
		this.zk = zk;
		this.paths = paths;
		this.patience = patience;
	}

	/** Performs the action for the task; returns Druid's {@code result} value. */
	JsonNode perform(String taskId, TaskAction action, Duration actionTime) throws InterruptedException {
		String body = this.json.write(taskId, action);
		long deadline = System.nanoTime() + this.patience.toNanos();
		String problem = "no overlord leader";
		while (System.nanoTime() < deadline) {
			Optional<String> leader = LeaderElection.leaderOf(this.zk, this.paths.overlordLeader());
			if (leader.isPresent()) {
				HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + leader.get() + "/druid/indexer/v1/action"))
					.timeout(actionTime.plusSeconds(30))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build();
				try {
					HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() == 200) {
						return this.json.readResult(response.body());
					}
					if (response.statusCode() >= 400 && response.statusCode() < 500) {
						throw StrataException.invalidInput("Overlord refused action of task[%s]: %s", taskId,
								errorMessage(response.body()));
					}
					problem = "HTTP " + response.statusCode() + ": " + errorMessage(response.body());
				}
				catch (IOException ex) {
					problem = ex.toString();
				}
			}
			Thread.sleep(250);
		}
		throw StrataException.unavailable("Task[%s] could not reach the overlord leader within %s: %s", taskId,
				this.patience, problem);
	}

	private static String errorMessage(String body) {
		try {
			JsonNode error = JsonMapper.builder().build().readTree(body);
			return error.path("errorMessage").asString(body);
		}
		catch (RuntimeException ex) {
			return body;
		}
	}

	@Override
	public void close() {
		this.http.close();
	}

}
