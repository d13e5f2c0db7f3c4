package io.strata.node.overlord.supervisor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.time.IsoTime;
import io.strata.node.metadata.DataSourceMetadataStore;
import io.strata.node.metadata.StreamOffsetsJson;
import io.strata.node.metadata.SupervisorsMetadata;
import io.strata.node.metadata.SupervisorsMetadata.SpecVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The overlord's supervisor specs (Druid's {@code SupervisorManager}): each submit, suspend,
 * resume or terminate stores a new version in the supervisors table, the newest being current;
 * terminate stores Druid's {@code NoopSupervisorSpec} tombstone. {@link SupervisorRunner} runs
 * what is stored; until it has, a supervisor's state is {@code PENDING}. Writes are serialized by
 * this object's monitor (only the leader serves them); reads go to the store.
 */
public final class Supervisors {

	static final String TOMBSTONE = "NoopSupervisorSpec";

	private final SupervisorsMetadata store;

	private final DataSourceMetadataStore dataSources;

	private final LongSupplier clock;

	private final KafkaSupervisorSpecJson specJson = new KafkaSupervisorSpecJson();

	private final JsonMapper mapper = JsonMapper.builder().build();

	public Supervisors(SupervisorsMetadata store, DataSourceMetadataStore dataSources, LongSupplier clock) {
		this.store = store;
		this.dataSources = dataSources;
		this.clock = clock;
	}

	/** Validates and stores the spec as the newest version of its id; returns the id. */
	public synchronized String submit(String body) {
		KafkaSupervisorSpecJson.Parsed parsed = this.specJson.read(this.specJson.parse(body));
		store(parsed.spec().id(), parsed.json());
		return parsed.spec().id();
	}

	/** Ids of the supervisors not terminated, sorted. */
	public List<String> ids() {
		return List.copyOf(active().keySet());
	}

	/** Druid's {@code ?full} entries: id, state, spec, suspended. */
	public List<Map<String, Object>> full(java.util.function.Function<String, Optional<KafkaSupervisor.Report>> live) {
		List<Map<String, Object>> all = new ArrayList<>();
		active().forEach((id, spec) -> {
			boolean suspended = spec.path("suspended").asBoolean(false);
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", id);
			String state = live.apply(id).map(KafkaSupervisor.Report::state).orElse(state(suspended));
			entry.put("state", state);
			entry.put("detailedState", state);
			entry.put("healthy", true);
			entry.put("spec", spec);
			entry.put("suspended", suspended);
			all.add(entry);
		});
		return all;
	}

	/** The current spec. @throws StrataException not found for an unknown or terminated id */
	public JsonNode spec(String id) {
		JsonNode spec = active().get(id);
		if (spec == null) {
			throw notFound(id);
		}
		return spec;
	}

	/** Druid's status report: the spec's side of it, and the live side when this leader has run the supervisor. */
	public Map<String, Object> status(String id, Optional<KafkaSupervisor.Report> live) {
		JsonNode stored = spec(id);
		KafkaSupervisorSpec spec = this.specJson.read(stored).spec();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("dataSource", spec.dataSchema().dataSource());
		payload.put("stream", spec.ioConfig().topic());
		payload.put("partitions", live.map(KafkaSupervisor.Report::partitions).orElse(0));
		payload.put("replicas", spec.ioConfig().replicas());
		payload.put("durationSeconds", KafkaSupervisorSpecJson.seconds(spec.ioConfig().taskDuration()));
		payload.put("activeTasks", live.map(KafkaSupervisor.Report::activeTasks).orElse(List.of()));
		payload.put("publishingTasks", live.map(KafkaSupervisor.Report::publishingTasks).orElse(List.of()));
		payload.put("latestOffsets", live.map(report -> StreamOffsetsJson.writeOffsetMap(report.latest())).orElse(null));
		payload.put("minimumLag", live.map(report -> StreamOffsetsJson.writeOffsetMap(report.lag())).orElse(null));
		payload.put("aggregateLag", live.map(KafkaSupervisor.Report::aggregateLag).orElse(null));
		payload.put("offsetsLastUpdated", live.map(report -> IsoTime.format(report.updatedMillis())).orElse(null));
		payload.put("suspended", spec.suspended());
		payload.put("healthy", true);
		String state = live.map(KafkaSupervisor.Report::state).orElse(state(spec.suspended()));
		payload.put("state", state);
		payload.put("detailedState", state);
		payload.put("recentErrors", live.map(KafkaSupervisor.Report::recentErrors).orElse(List.of()));
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("id", id);
		status.put("generationTime", IsoTime.format(this.clock.getAsLong()));
		status.put("payload", payload);
		return status;
	}

	/** Every version of every supervisor ever submitted, terminated ones too, newest first per id. */
	public Map<String, List<Map<String, Object>>> history() {
		Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
		for (String id : this.store.latest().keySet()) {
			all.put(id, versions(this.store.history(id)));
		}
		return all;
	}

	/** @throws StrataException not found when the id was never submitted */
	public List<Map<String, Object>> history(String id) {
		List<SpecVersion> versions = this.store.history(id);
		if (versions.isEmpty()) {
			throw notFound(id);
		}
		return versions(versions);
	}

	/** Stores the spec again with {@code suspended} set; returns it. */
	public synchronized JsonNode suspend(String id, boolean suspended) {
		JsonNode current = spec(id);
		if (current.path("suspended").asBoolean(false) == suspended) {
			throw StrataException.invalidInput("Supervisor[%s] is already %s", id, suspended ? "suspended" : "running");
		}
		JsonNode next = this.specJson.withSuspended(current, suspended);
		store(id, next);
		return next;
	}

	/** Stores Druid's tombstone: the supervisor is gone, its history stays. */
	public synchronized void terminate(String id) {
		spec(id);
		Map<String, Object> tombstone = new LinkedHashMap<>();
		tombstone.put("type", TOMBSTONE);
		tombstone.put("id", id);
		tombstone.put("dataSources", List.of(id));
		tombstone.put("suspended", false);
		store(id, this.mapper.valueToTree(tombstone));
	}

	/**
	 * Forgets the datasource's committed offsets, so the next task starts from the topic's
	 * earliest or latest offset (per {@code useEarliestOffset}). Returns whether any existed.
	 */
	public synchronized boolean reset(String id) {
		JsonNode spec = spec(id);
		return this.dataSources.delete(spec.path("spec").path("dataSchema").path("dataSource").asString(id));
	}

	private void store(String id, JsonNode spec) {
		this.store.insert(id, this.specJson.write(spec), IsoTime.format(this.clock.getAsLong()));
	}

	/** The specs of the supervisors not terminated, by id (suspended ones too). */
	Map<String, JsonNode> activeSpecs() {
		return active();
	}

	private Map<String, JsonNode> active() {
		Map<String, JsonNode> active = new LinkedHashMap<>();
		this.store.latest().forEach((id, version) -> {
			JsonNode spec = this.mapper.readTree(version.payload());
			if (!spec.path("type").asString("").equals(TOMBSTONE)) {
				active.put(id, spec);
			}
		});
		return active;
	}

	private List<Map<String, Object>> versions(List<SpecVersion> versions) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (SpecVersion version : versions) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("spec", this.mapper.readTree(version.payload()));
			entry.put("version", version.version());
			out.add(entry);
		}
		return out;
	}

	private static String state(boolean suspended) {
		return suspended ? "SUSPENDED" : "PENDING";
	}

	private static StrataException notFound(String id) {
		// ErrorCode has no supervisor entry yet (olap-engine change); a spec is stored configuration
		return new StrataException(ErrorCode.CONFIG_NOT_FOUND, String.format("Supervisor[%s] does not exist", id));
	}

}
