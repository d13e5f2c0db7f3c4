package io.strata.node.metadata.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import io.strata.node.deepstorage.LoadSpec;
import io.strata.node.metadata.AuditInfo;
import io.strata.node.metadata.ConfigMetadata;
import io.strata.node.metadata.DataSourceMetadataStore;
import io.strata.node.metadata.PendingSegment;
import io.strata.node.metadata.PendingSegmentsMetadata;
import io.strata.node.metadata.RulesMetadata;
import io.strata.node.metadata.RulesMetadata.RulesChange;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.metadata.StreamOffsets;
import io.strata.node.metadata.SupervisorsMetadata;
import io.strata.node.metadata.TaskLocksMetadata;
import io.strata.node.metadata.TasksMetadata;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.ShardSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The metadata store's behaviour, the same on every database it runs on: each subclass opens one
 * database, and this body starts the adapters on it the way a node does (Boot's DataSource and
 * Spring Data JDBC auto-configuration plus {@link MetadataConfiguration}). One context per class;
 * each test starts from empty tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MetadataStoreContract {

	private static final String RULES = "[{\"type\":\"loadForever\",\"tieredReplicants\":{\"_default_tier\":2}}]";

	private static final String DROP = "[{\"type\":\"dropForever\"}]";

	private ConfigurableApplicationContext context;

	private SegmentsMetadata segments;

	private RulesMetadata rules;

	private ConfigMetadata config;

	private JdbcTemplate jdbc;

	/** How this class's database was reached, to start more nodes on it. */
	private List<String> connection;

	/** Opens the database; returns the command-line arguments that point a node at it. */
	protected abstract List<String> openDatabase();

	protected abstract void closeDatabase();

	/** A name as the database reports it: H2 (DATABASE_TO_LOWER) folds unquoted names to lower case. */
	protected abstract String reported(String name);

	/** A minimal node: the metadata store and nothing else. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(MetadataConfiguration.class)
	static class MetadataOnlyNode {

	}

	@BeforeAll
	final void startNode() {
		this.connection = List.copyOf(openDatabase());
		this.context = start();
		this.segments = this.context.getBean(SegmentsMetadata.class);
		this.rules = this.context.getBean(RulesMetadata.class);
		this.config = this.context.getBean(ConfigMetadata.class);
		this.jdbc = new JdbcTemplate(this.context.getBean(DataSource.class));
	}

	@AfterAll
	final void stopNode() {
		try {
			if (this.context != null) {
				this.context.close();
			}
		}
		finally {
			closeDatabase();
		}
	}

	@BeforeEach
	final void emptyTables() {
		for (String table : List.of("segments", "rules", "config", "audit", "tasks", "tasklocks", "dataSource", "pendingSegments",
				"supervisors")) {
			this.jdbc.update("DELETE FROM druid_" + table);
		}
	}

	private ConfigurableApplicationContext start(String... extra) {
		List<String> all = new ArrayList<>(this.connection);
		all.addAll(List.of(extra));
		// command-line arguments, so that they win over src/main/resources/application.properties
		return new SpringApplicationBuilder(MetadataOnlyNode.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run(all.toArray(String[]::new));
	}

	// ---- schema ----

	@Test
	void createsDruidsTablesAndColumns() throws SQLException {
		assertThat(columns("druid_segments")).containsExactly(reportedAll("id", "dataSource", "created_date", "start",
				"end", "partitioned", "version", "used", "payload", "used_status_last_updated"));
		assertThat(columns("druid_rules")).containsExactly(reportedAll("id", "dataSource", "version", "payload"));
		assertThat(columns("druid_config")).containsExactly(reportedAll("name", "payload"));
		assertThat(columns("druid_audit")).containsExactly(
				reportedAll("id", "audit_key", "type", "author", "comment", "created_date", "payload"));
		assertThat(indexes("druid_segments")).contains("druid_idx_segments_used",
				"druid_idx_segments_datasource_used_end_start");
		assertThat(columns("druid_tasks")).containsExactly(reportedAll("id", "created_date", "datasource", "payload",
				"status_payload", "active", "type", "group_id"));
		assertThat(columns("druid_tasklocks")).containsExactly(reportedAll("id", "task_id", "lock_payload"));
		assertThat(columns("druid_dataSource")).containsExactly(
				reportedAll("dataSource", "created_date", "commit_metadata_payload", "commit_metadata_sha1"));
		assertThat(columns("druid_supervisors")).containsExactly(reportedAll("id", "spec_id", "created_date", "payload"));
	}

	// ---- stream offsets (druid_dataSource) and supervisors ----

	@Test
	void commitMetadataIsSwappedOnlyFromWhatIsStored() {
		DataSourceMetadataStore store = this.context.getBean(DataSourceMetadataStore.class);
		StreamOffsets first = StreamOffsets.of("usage", Map.of(0, 10L, 1, 5L));
		StreamOffsets second = StreamOffsets.of("usage", Map.of(0, 20L, 1, 5L));
		assertThat(store.read("usage")).isEmpty();

		assertThat(store.compareAndSwap("usage", Optional.empty(), first)).isTrue();
		assertThat(store.compareAndSwap("usage", Optional.empty(), second)).as("something is stored now").isFalse();
		assertThat(store.compareAndSwap("usage", Optional.of(second), first)).isFalse();
		assertThat(store.compareAndSwap("usage", Optional.of(first), second)).isTrue();

		assertThat(store.read("usage")).contains(second);
		String payload = this.jdbc.queryForObject(
				"SELECT commit_metadata_payload FROM druid_dataSource WHERE dataSource = 'usage'", String.class);
		assertThat(payload).isEqualTo("{\"type\":\"kafka\",\"partitions\":{\"type\":\"end\",\"stream\":\"usage\","
				+ "\"partitionOffsetMap\":{\"0\":20,\"1\":5}}}");
		assertThat(this.jdbc.queryForObject("SELECT commit_metadata_sha1 FROM druid_dataSource", String.class))
			.isEqualTo(JdbcDataSourceMetadataStore.sha1(payload))
			.hasSize(40);
		assertThat(store.read("other")).isEmpty();

		assertThat(store.delete("usage")).isTrue();
		assertThat(store.delete("usage")).isFalse();
		assertThat(store.read("usage")).isEmpty();
	}

	@Test
	void aPublishCommitsOffsetsAndSegmentsTogetherOnlyFromTheStoredStart() {
		DataSourceMetadataStore store = this.context.getBean(DataSourceMetadataStore.class);
		StreamOffsets start = StreamOffsets.of("usage", Map.of(0, 0L, 1, 0L));
		store.publish("usage", start, StreamOffsets.of("usage", Map.of(0, 10L, 1, 5L)),
				() -> this.segments.insert(List.of(segment("usage", 0))));

		// a replica or zombie that read the same offsets publishes nothing
		assertThatThrownBy(() -> store.publish("usage", start, StreamOffsets.of("usage", Map.of(0, 12L, 1, 6L)),
				() -> this.segments.insert(List.of(segment("usage", 1)))))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("Inconsistent metadata state")
			.hasMessageContaining("dataSource[usage]");
		assertThat(this.segments.existing(List.of(segment("usage", 1).id()))).isEmpty();
		assertThat(store.read("usage")).contains(StreamOffsets.of("usage", Map.of(0, 10L, 1, 5L)));

		// the task after it starts where it ended; partitions it does not read keep their offsets
		store.publish("usage", StreamOffsets.of("usage", Map.of(0, 10L)), StreamOffsets.of("usage", Map.of(0, 30L)),
				() -> this.segments.insert(List.of(segment("usage", 1))));
		assertThat(store.read("usage")).contains(StreamOffsets.of("usage", Map.of(0, 30L, 1, 5L)));
		assertThat(this.segments.usedSegments()).containsExactly(segment("usage", 0), segment("usage", 1));

		// another topic's offsets never match
		assertThatThrownBy(() -> store.publish("usage", StreamOffsets.of("other", Map.of(0, 30L)),
				StreamOffsets.of("other", Map.of(0, 40L)), () -> {
				}))
			.hasMessageContaining("Inconsistent metadata state");
	}

	@Test
	void aFailedSegmentInsertLeavesTheOffsetsAsTheyWere() {
		DataSourceMetadataStore store = this.context.getBean(DataSourceMetadataStore.class);
		this.segments.insert(List.of(segment("usage", 0)));
		assertThatThrownBy(() -> store.publish("usage", StreamOffsets.of("usage", Map.of(0, 0L)),
				StreamOffsets.of("usage", Map.of(0, 10L)), () -> this.segments.insert(List.of(segment("usage", 0)))))
			.hasMessageContaining("already published");
		assertThat(store.read("usage")).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM druid_dataSource", Integer.class)).isZero();
	}

	@Test
	void everySupervisorSpecVersionIsKeptAndTheNewestIsCurrent() {
		SupervisorsMetadata supervisors = this.context.getBean(SupervisorsMetadata.class);
		supervisors.insert("usage", "{\"v\":1}", "2025-01-01T00:00:00.001Z");
		supervisors.insert("clicks", "{\"c\":1}", "2025-01-01T00:00:00.002Z");
		supervisors.insert("usage", "{\"v\":2}", "2025-01-01T00:00:00.003Z");
		supervisors.insert("usage", "{\"v\":3}", "2025-01-01T00:00:00.003Z");

		assertThat(supervisors.latest()).containsExactly(
				Map.entry("clicks", new SupervisorsMetadata.SpecVersion("{\"c\":1}", "2025-01-01T00:00:00.002Z")),
				Map.entry("usage", new SupervisorsMetadata.SpecVersion("{\"v\":3}", "2025-01-01T00:00:00.003Z")));
		assertThat(supervisors.history("usage")).extracting(SupervisorsMetadata.SpecVersion::payload)
			.containsExactly("{\"v\":3}", "{\"v\":2}", "{\"v\":1}");
		assertThat(supervisors.history("none")).isEmpty();
	}

	// ---- tasks and task locks ----

	@Test
	void tasksAreStoredListedAndCompleted() {
		TasksMetadata tasks = this.context.getBean(TasksMetadata.class);
		tasks.insert(task("old", "2025-01-01T00:00:00.000Z", "wiki"));
		tasks.insert(task("new", "2025-01-02T00:00:00.000Z", "wiki"));
		tasks.insert(task("other", "2025-01-03T00:00:00.000Z", "usage"));

		assertThat(tasks.active()).extracting(TasksMetadata.TaskEntry::id).containsExactly("old", "new", "other");
		assertThat(tasks.get("new")).contains(task("new", "2025-01-02T00:00:00.000Z", "wiki"));
		assertThatThrownBy(() -> tasks.insert(task("new", "2025-01-05T00:00:00.000Z", "wiki")))
			.hasMessageContaining("Task[new] already exists");

		tasks.setStatus("old", "{\"id\":\"old\",\"status\":\"SUCCESS\"}", false);
		tasks.setStatus("new", "{\"id\":\"new\",\"status\":\"FAILED\"}", false);
		tasks.setStatus("other", "{\"id\":\"other\",\"status\":\"SUCCESS\"}", false);
		assertThat(tasks.active()).isEmpty();
		assertThat(tasks.complete("2025-01-01T00:00:00.000Z", null, null, 10)).extracting(TasksMetadata.TaskEntry::id)
			.containsExactly("other", "new", "old");
		assertThat(tasks.complete("2025-01-01T00:00:00.000Z", "wiki", "noop", 1)).extracting(TasksMetadata.TaskEntry::id)
			.containsExactly("new");
		assertThat(tasks.complete("2025-01-02T00:00:00.000Z", null, "kill", 10)).isEmpty();
		assertThat(tasks.get("old").orElseThrow().statusPayload()).contains("SUCCESS");
		assertThatThrownBy(() -> tasks.setStatus("nope", "{}", false)).hasMessageContaining("Task[nope]");
	}

	@Test
	void taskLocksAreAddedReplacedAndRemoved() {
		TaskLocksMetadata locks = this.context.getBean(TaskLocksMetadata.class);
		long first = locks.add("a", "{\"lock\":1}");
		long second = locks.add("b", "{\"lock\":2}");

		assertThat(second).isGreaterThan(first);
		locks.replace(first, "{\"lock\":1,\"revoked\":true}");
		assertThat(locks.all()).containsExactly(new TaskLocksMetadata.LockEntry(first, "a", "{\"lock\":1,\"revoked\":true}"),
				new TaskLocksMetadata.LockEntry(second, "b", "{\"lock\":2}"));
		locks.remove(first);
		assertThat(locks.all()).extracting(TaskLocksMetadata.LockEntry::taskId).containsExactly("b");
	}

	@Test
	void theGreatestUsedVersionOfAnIntervalIsFound() {
		this.segments.insert(List.of(segment("wikipedia", 0)));
		DataSegment published = this.segments.usedSegments().getFirst();
		Interval inside = Interval.of(published.interval().startMillis() + 1, published.interval().endMillis() + 1000);

		assertThat(this.segments.maxUsedVersion("wikipedia", inside)).contains(published.version());
		assertThat(this.segments.maxUsedVersion("wikipedia",
				Interval.of(published.interval().endMillis(), published.interval().endMillis() + 1000))).isEmpty();
		assertThat(this.segments.maxUsedVersion("other", inside)).isEmpty();
		this.segments.markUnused(List.of(published.id()));
		assertThat(this.segments.maxUsedVersion("wikipedia", inside)).isEmpty();
	}

	private static TasksMetadata.TaskEntry task(String id, String created, String dataSource) {
		return new TasksMetadata.TaskEntry(id, created, dataSource, "noop", id, "{\"type\":\"noop\",\"id\":\"" + id + "\"}",
				"{\"id\":\"" + id + "\",\"status\":\"RUNNING\"}", true);
	}

	@Test
	void pendingSegmentsAreFoundBySequenceAndIntervalAndForgottenOncePublished() {
		PendingSegmentsMetadata pending = this.context.getBean(PendingSegmentsMetadata.class);
		Interval day = Interval.parse("2026-12-01T00:00:00.000Z/2026-12-02T00:00:00.000Z");
		Interval next = Interval.parse("2026-12-02T00:00:00.000Z/2026-12-03T00:00:00.000Z");
		PendingSegment first = new PendingSegment("live", "index_kafka_live_a", day, "2026-12-01T10:00:00.000Z", 0, 0);
		PendingSegment second = new PendingSegment("live", "index_kafka_live_b", day, "2026-12-01T10:00:00.000Z", 1, 0);
		pending.insert(first);
		pending.insert(second);
		pending.insert(new PendingSegment("live", "index_kafka_live_a", next, "2026-12-02T10:00:00.000Z", 0, 0));

		assertThat(pending.find("live", "index_kafka_live_a", day)).contains(first);
		assertThat(pending.find("live", "index_kafka_live_c", day)).isEmpty();
		assertThat(pending.find("other", "index_kafka_live_a", day)).isEmpty();
		assertThat(pending.overlapping("live", day)).containsExactlyInAnyOrder(first, second);
		assertThatThrownBy(() -> pending.insert(first)).isInstanceOf(RuntimeException.class);

		assertThat(pending.delete("live", List.of(first.id().toString()))).isEqualTo(1);
		assertThat(pending.overlapping("live", day)).containsExactly(second);
		assertThat(pending.deleteCreatedBefore("live", "2000-01-01T00:00:00.000Z")).isZero();
		assertThat(pending.deleteCreatedBefore("other", "2999-01-01T00:00:00.000Z")).isZero();
		assertThat(pending.deleteCreatedBefore("live", "2999-01-01T00:00:00.000Z")).isEqualTo(2);
		assertThat(pending.overlapping("live", day)).isEmpty();
	}

	@Test
	void upgradingAnUpToDateSchemaChangesNothing() {
		MetadataSchema schema = this.context.getBean(MetadataSchema.class);

		assertThat(schema.createOrUpgrade()).isEqualTo(4);
		assertThat(schema.createOrUpgrade()).isEqualTo(4);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM druid_strata_schema", Integer.class)).isEqualTo(4);
	}

	@Test
	void aRestartedNodeFindsWhatWasPublished() {
		this.segments.insert(List.of(segment("wikipedia", 0)));

		try (ConfigurableApplicationContext restarted = start()) {
			assertThat(restarted.getBean(SegmentsMetadata.class).usedSegments()).containsExactly(segment("wikipedia", 0));
		}
	}

	@Test
	void aCustomPrefixGetsItsOwnTables() throws SQLException {
		try (ConfigurableApplicationContext custom = start(
				"--strata.metadata.table-prefix=strata_custom")) {
			SegmentsMetadata customSegments = custom.getBean(SegmentsMetadata.class);
			customSegments.insert(List.of(segment("custom", 0)));
			custom.getBean(RulesMetadata.class).setRules("custom", RULES, audit("2025-01-01T00:00:00.001Z"));
			custom.getBean(ConfigMetadata.class).set("coordinator.config", "{}", audit("2025-01-01T00:00:00.002Z"));

			assertThat(columns("strata_custom_segments")).contains(reported("dataSource"), reported("payload"));
			assertThat(customSegments.usedSegments()).containsExactly(segment("custom", 0));
			assertThat(custom.getBean(RulesMetadata.class).currentRules()).containsOnlyKeys("custom");
			assertThat(this.segments.usedSegments()).isEmpty();
			assertThat(this.rules.currentRules()).isEmpty();
			assertThat(this.config.get("coordinator.config")).isEmpty();
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM strata_custom_audit", Integer.class)).isEqualTo(2);
		}
	}

	// ---- segments ----

	@Test
	void publishedSegmentsComeBackEqual() {
		DataSegment first = segment("wikipedia", 0);
		DataSegment second = new DataSegment(new SegmentId("wikipedia", day(2), "2025-02-01T00:00:00.000Z", 3),
				new LoadSpec.S3("bucket", "segments/wikipedia/3.strata"), List.of(), List.of("count"),
				new ShardSpec.Linear(3), DataSegment.BINARY_VERSION, 0);
		DataSegment third = new DataSegment(new SegmentId("koalas", day(1), "v1", 0), new LoadSpec.Local("/k"),
				List.of("a"), List.of(), new ShardSpec.None(), 9, 1);

		this.segments.insert(List.of(second, first, third));

		// sorted by id: dataSource, then interval, version and partition
		assertThat(this.segments.usedSegments()).containsExactly(third, first, second);
		assertThat(this.jdbc.queryForMap("SELECT dataSource, start, `end`, version, used, partitioned FROM "
				+ "druid_segments WHERE id = ?", second.id().toString()))
			.containsValues("wikipedia", "2025-01-02T00:00:00.000Z", "2025-01-03T00:00:00.000Z",
					"2025-02-01T00:00:00.000Z");
		assertThat(this.jdbc.queryForObject("SELECT partitioned FROM druid_segments WHERE id = ?", Boolean.class,
				third.id().toString()))
			.isFalse();
	}

	@Test
	void aPayloadLongerThan64KilobytesSurvives() {
		List<String> dimensions = IntStream.range(0, 4000)
			.mapToObj(i -> String.format(Locale.ROOT, "a_rather_long_dimension_name_%04d", i))
			.toList();
		DataSegment wide = new DataSegment(new SegmentId("wide", day(1), "v1", 0), new LoadSpec.Local("/w"),
				dimensions, List.of("count"), new ShardSpec.Numbered(0, 1), 9, 1L << 40);

		this.segments.insert(List.of(wide));

		assertThat(this.jdbc.queryForObject("SELECT LENGTH(payload) FROM druid_segments", Integer.class))
			.isGreaterThan(128 * 1024);
		assertThat(this.segments.usedSegments()).containsExactly(wide);
	}

	@Test
	void timesKeepTheirMilliseconds() {
		long before = System.currentTimeMillis();
		this.segments.insert(List.of(segment("wikipedia", 0)));
		long afterInsert = System.currentTimeMillis();
		this.segments.markUnused(List.of(segment("wikipedia", 0).id()));
		long afterMark = System.currentTimeMillis();

		Map<String, Object> row = this.jdbc
			.queryForMap("SELECT created_date, used_status_last_updated FROM druid_segments");
		String created = (String) row.get(reported("created_date"));
		String updated = (String) row.get(reported("used_status_last_updated"));
		assertThat(created).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(IsoTime.parse(created)).isBetween(before, afterInsert);
		assertThat(IsoTime.parse(updated)).isBetween(before, afterMark);
	}

	@Test
	void aDuplicateFailsTheWholeBatch() {
		DataSegment existing = segment("wikipedia", 0);
		DataSegment fresh = segment("wikipedia", 1);
		this.segments.insert(List.of(existing));

		assertThatThrownBy(() -> this.segments.insert(List.of(fresh, existing)))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
			.hasMessageContaining(existing.id().toString());

		assertThat(this.segments.usedSegments()).containsExactly(existing);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM druid_segments", Integer.class)).isEqualTo(1);
	}

	@Test
	void unusedSegmentsAreKeptApartUntilDeleted() {
		DataSegment kept = segment("wikipedia", 0);
		DataSegment dropped = segment("wikipedia", 1);
		DataSegment other = segment("koalas", 0);
		this.segments.insert(List.of(kept, dropped, other));

		assertThat(this.segments.markUnused(List.of(dropped.id(), other.id()))).isEqualTo(2);
		assertThat(this.segments.markUnused(List.of(dropped.id()))).isZero();

		assertThat(this.segments.usedSegments()).containsExactly(kept);
		assertThat(this.segments.unusedSegments("wikipedia")).containsExactly(dropped);
		assertThat(this.segments.unusedSegments("koalas")).containsExactly(other);
		assertThat(this.segments.unusedSegments("nothing")).isEmpty();
		assertThat(this.segments.dataSources(false)).containsExactly("wikipedia");
		assertThat(this.segments.dataSources(true)).containsExactly("koalas", "wikipedia");

		assertThat(this.segments.delete(List.of(kept.id()))).as("a used segment is never deleted").isZero();
		assertThat(this.segments.delete(List.of(dropped.id(), other.id(), kept.id()))).isEqualTo(2);
		assertThat(this.segments.delete(List.of(other.id()))).isZero();
		assertThat(this.segments.unusedSegments("wikipedia")).isEmpty();
		assertThat(this.segments.dataSources(true)).containsExactly("wikipedia");
		assertThat(this.segments.usedSegments()).containsExactly(kept);
	}

	@Test
	void markingAndDeletingWorkOnMoreIdsThanOneStatementTakes() {
		DataSegment real = segment("wikipedia", 7);
		this.segments.insert(List.of(real));
		List<SegmentId> ids = new ArrayList<>();
		IntStream.range(100, 1300).forEach(part -> ids.add(segment("wikipedia", part).id()));
		ids.add(real.id());

		assertThat(this.segments.markUnused(ids)).isEqualTo(1);
		assertThat(this.segments.delete(ids)).isEqualTo(1);
		assertThat(this.segments.dataSources(true)).isEmpty();
	}

	// ---- rules ----

	@Test
	void theNewestRulesWin() {
		this.rules.setRules("wikipedia", RULES, audit("2025-01-01T00:00:00.100Z"));
		this.rules.setRules("_default", RULES, audit("2025-01-01T00:00:00.200Z"));
		this.rules.setRules("wikipedia", DROP, audit("2025-01-01T00:00:00.300Z"));

		assertThat(this.rules.currentRules()).containsExactly(Map.entry("_default", RULES),
				Map.entry("wikipedia", DROP));
	}

	@Test
	void historyKeepsAuthorCommentAndTime() {
		this.rules.setRules("wikipedia", RULES, new AuditInfo("alice", "first load", "2025-01-01T00:00:00.123Z"));
		this.rules.setRules("koalas", DROP, new AuditInfo("bob", "drop it", "2025-01-01T00:00:01.456Z"));

		assertThat(this.rules.history(null, 10)).containsExactly(
				new RulesChange("koalas", "2025-01-01T00:00:01.456Z", DROP,
						new AuditInfo("bob", "drop it", "2025-01-01T00:00:01.456Z")),
				new RulesChange("wikipedia", "2025-01-01T00:00:00.123Z", RULES,
						new AuditInfo("alice", "first load", "2025-01-01T00:00:00.123Z")));
		assertThat(this.rules.history("wikipedia", 10)).extracting(RulesChange::dataSource).containsExactly("wikipedia");
		assertThat(this.rules.history(null, 1)).extracting(RulesChange::dataSource).containsExactly("koalas");
		assertThat(this.rules.history("nothing", 10)).isEmpty();
	}

	@Test
	void twoChangesInOneMillisecondAreBothKeptInOrder() {
		String at = "2025-01-01T00:00:00.123Z";
		this.rules.setRules("wikipedia", RULES, new AuditInfo("alice", "one", at));
		this.rules.setRules("wikipedia", DROP, new AuditInfo("alice", "two", at));
		this.rules.setRules("wikipedia", RULES, new AuditInfo("alice", "three", at));

		assertThat(this.rules.currentRules()).containsExactly(Map.entry("wikipedia", RULES));
		assertThat(this.rules.history("wikipedia", 10)).extracting(change -> change.audit().comment())
			.containsExactly("three", "two", "one");
		assertThat(this.jdbc.queryForList("SELECT version FROM druid_rules ORDER BY version", String.class))
			.containsExactly(at, at + "_0001", at + "_0002");
		assertThat(this.jdbc.queryForList("SELECT id FROM druid_rules ORDER BY id", String.class))
			.containsExactly("wikipedia_" + at, "wikipedia_" + at + "_0001", "wikipedia_" + at + "_0002");
	}

	@Test
	void aLaterChangeInTheNextMillisecondStillWins() {
		this.rules.setRules("wikipedia", RULES, audit("2025-01-01T00:00:00.123Z"));
		this.rules.setRules("wikipedia", RULES, audit("2025-01-01T00:00:00.123Z"));
		this.rules.setRules("wikipedia", DROP, audit("2025-01-01T00:00:00.124Z"));

		assertThat(this.rules.currentRules()).containsExactly(Map.entry("wikipedia", DROP));
	}

	// ---- config ----

	@Test
	void configIsSetOverwrittenAndAudited() {
		assertThat(this.config.get("coordinator.config")).isEmpty();

		this.config.set("coordinator.config", "{\"maxSegmentsToMove\":5}", audit("2025-01-01T00:00:00.001Z"));
		this.config.set("worker.config", "{}", audit("2025-01-01T00:00:00.002Z"));
		this.config.set("coordinator.config", "{\"maxSegmentsToMove\":100}", audit("2025-01-01T00:00:00.003Z"));

		assertThat(this.config.get("coordinator.config")).contains("{\"maxSegmentsToMove\":100}");
		assertThat(this.config.get("worker.config")).contains("{}");
		assertThat(this.jdbc.queryForList(
				"SELECT created_date FROM druid_audit WHERE audit_key = 'coordinator.config' ORDER BY id",
				String.class))
			.containsExactly("2025-01-01T00:00:00.001Z", "2025-01-01T00:00:00.003Z");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM druid_config", Integer.class)).isEqualTo(2);
		assertThat(this.config.history("coordinator.config")).containsExactly(
				new ConfigMetadata.ConfigChange("{\"maxSegmentsToMove\":5}", audit("2025-01-01T00:00:00.001Z")),
				new ConfigMetadata.ConfigChange("{\"maxSegmentsToMove\":100}", audit("2025-01-01T00:00:00.003Z")));
		assertThat(this.config.history("coordinator.compaction.config")).isEmpty();
	}

	// ---- helpers ----

	private static AuditInfo audit(String at) {
		return new AuditInfo("tester", "because", at);
	}

	private static Interval day(int day) {
		return Interval.parse(String.format(Locale.ROOT, "2025-01-%02dT00:00:00.000Z/P1D", day));
	}

	private static DataSegment segment(String dataSource, int partition) {
		return new DataSegment(new SegmentId(dataSource, day(1), "2025-01-05T06:07:08.009Z", partition),
				new LoadSpec.Local("/deep/" + dataSource + "/" + partition + "/segment.strata"),
				List.of("channel", "page"), List.of("count", "added"), new ShardSpec.Numbered(partition, 2),
				DataSegment.BINARY_VERSION, 1000 + partition);
	}

	private String[] reportedAll(String... names) {
		return Arrays.stream(names).map(this::reported).toArray(String[]::new);
	}

	/** The table's columns in declared order, as the JDBC driver reports them. */
	private List<String> columns(String table) throws SQLException {
		try (Connection connection = this.context.getBean(DataSource.class).getConnection()) {
			DatabaseMetaData metadata = connection.getMetaData();
			List<String> columns = new ArrayList<>();
			try (ResultSet rows = metadata.getColumns(connection.getCatalog(), connection.getSchema(),
					reported(table), "%")) {
				while (rows.next()) {
					columns.add(rows.getString("COLUMN_NAME"));
				}
			}
			return columns;
		}
	}

	/** The table's index names, lower case. */
	private List<String> indexes(String table) throws SQLException {
		try (Connection connection = this.context.getBean(DataSource.class).getConnection()) {
			List<String> indexes = new ArrayList<>();
			try (ResultSet rows = connection.getMetaData()
				.getIndexInfo(connection.getCatalog(), connection.getSchema(), reported(table), false, false)) {
				while (rows.next()) {
					String name = rows.getString("INDEX_NAME");
					if (name != null) {
						indexes.add(name.toLowerCase(Locale.ROOT));
					}
				}
			}
			return indexes;
		}
	}

}
