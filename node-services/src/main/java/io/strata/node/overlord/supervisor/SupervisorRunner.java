package io.strata.node.overlord.supervisor;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.strata.node.metadata.DataSourceMetadataStore;
import io.strata.node.metadata.PendingSegmentsMetadata;
import io.strata.node.overlord.Overlord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Runs every stored supervisor on the overlord leader, one pass every {@code period} on one
 * thread: each pass reads the current specs (so a submit, suspend or terminate on any node takes
 * effect on the next pass) and lets each {@link KafkaSupervisor} manage its tasks. A supervisor
 * that was terminated publishes what its reading tasks have read and is forgotten. Losing the
 * leadership forgets every supervisor's state; the next leader rebuilds it from the running tasks.
 * Publishes the ingestion lag as gauges {@code strata.ingest.kafka.lag} (sum over partitions) and
 * {@code strata.ingest.kafka.partition.lag}, tagged by datasource (and partition).
 */
public final class SupervisorRunner implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SupervisorRunner.class);

	private final Supervisors supervisors;

	private final Overlord overlord;

	private final DataSourceMetadataStore dataSources;

	private final PendingSegmentsMetadata pendingSegments;

	private final MeterRegistry meters;

	private final TaskChatClient chat = new TaskChatClient();

	private final KafkaSupervisorSpecJson specJson = new KafkaSupervisorSpecJson();

	/** The supervisors this leader runs (supervisor thread only). */
	private final Map<String, KafkaSupervisor> running = new HashMap<>();

	/** Each supervisor's last report, for the status API (any thread). */
	private final Map<String, KafkaSupervisor.Report> reports = new ConcurrentHashMap<>();

	/** Lag by datasource then partition, as the gauges read it. */
	private final Map<String, Map<Integer, Long>> lag = new ConcurrentHashMap<>();

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(runnable -> Thread.ofPlatform().name("supervisors").daemon(true).unstarted(runnable));

	public SupervisorRunner(Supervisors supervisors, Overlord overlord, DataSourceMetadataStore dataSources,
			PendingSegmentsMetadata pendingSegments, MeterRegistry meters) {
		this.pendingSegments = pendingSegments;
		this.supervisors = supervisors;
		this.overlord = overlord;
		this.dataSources = dataSources;
		this.meters = meters;
	}

	public void start(Duration period) {
		this.scheduler.scheduleWithFixedDelay(this::runOnce, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The live side of a supervisor's status, when this node leads and has run it. */
	Optional<KafkaSupervisor.Report> report(String id) {
		return Optional.ofNullable(this.reports.get(id));
	}

	/** Stops the supervisor's tasks without publishing (a reset); it starts again from the committed offsets. */
	void reset(String id) {
		this.scheduler.execute(() -> {
			KafkaSupervisor supervisor = this.running.get(id);
			if (supervisor != null) {
				supervisor.stopAll();
			}
		});
	}

	private void runOnce() {
		try {
			if (!this.overlord.isLeader()) {
				if (!this.running.isEmpty()) {
					this.running.values().forEach(KafkaSupervisor::close);
					this.running.clear();
					this.reports.clear();
				}
				return;
			}
			Map<String, JsonNode> specs = this.supervisors.activeSpecs();
			long now = System.currentTimeMillis();
			for (String id : Map.copyOf(this.running).keySet()) {
				if (!specs.containsKey(id)) {
					KafkaSupervisor gone = this.running.remove(id);
					gone.finishAll(now);
					gone.close();
					this.reports.remove(id);
					this.lag.remove(id);
				}
			}
			specs.forEach((id, json) -> {
				KafkaSupervisor supervisor = this.running.computeIfAbsent(id,
						key -> new KafkaSupervisor(key, this.overlord, this.dataSources, this.pendingSegments, this.chat));
				try {
					KafkaSupervisorSpec spec = this.specJson.read(json).spec();
					// each its own clock: one supervisor's slow pass must not age another's task groups
					supervisor.run(spec, json, System.currentTimeMillis());
					supervisor.report().ifPresent(report -> {
						this.reports.put(id, report);
						publishLag(spec.dataSchema().dataSource(), report);
					});
				}
				catch (RuntimeException ex) {
					log.warn("Supervisor[{}] run failed; trying again next time", id, ex);
					supervisor.error(ex.getClass().getName(), String.valueOf(ex.getMessage()));
				}
			});
		}
		catch (RuntimeException ex) {
			log.warn("Supervisor pass failed", ex);
		}
	}

	private void publishLag(String dataSource, KafkaSupervisor.Report report) {
		Map<Integer, Long> partitions = this.lag.computeIfAbsent(dataSource, ds -> {
			Map<Integer, Long> created = new ConcurrentHashMap<>();
			Gauge.builder("strata.ingest.kafka.lag", created, map -> map.values().stream().mapToLong(Long::longValue).sum())
				.description("Messages in the topic not yet read by the supervisor's tasks, summed over partitions")
				.tag("dataSource", ds)
				.register(this.meters);
			return created;
		});
		report.lag().forEach((partition, lag) -> {
			if (partitions.put(partition, lag) == null) {
				Gauge.builder("strata.ingest.kafka.partition.lag", partitions, map -> map.getOrDefault(partition, 0L))
					.description("Messages of one partition not yet read")
					.tag("dataSource", dataSource)
					.tag("partition", Integer.toString(partition))
					.register(this.meters);
			}
		});
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		try {
			this.scheduler.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.running.values().forEach(KafkaSupervisor::close);
		this.running.clear();
		this.chat.close();
	}

}
