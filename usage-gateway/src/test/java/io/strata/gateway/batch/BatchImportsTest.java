package io.strata.gateway.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.strata.gateway.http.UsageEventInput;
import io.strata.gateway.http.UsageEventValidator;
import io.strata.gateway.publish.EventSource;
import io.strata.gateway.publish.UsagePublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BatchImportsTest {

	private static final long NOW = Instant.parse("2026-12-07T12:00:00Z").toEpochMilli();

	/** A publisher that keeps what it was given, in order. */
	private static final class RecordingPublisher implements UsagePublisher {

		final List<UsageEventInput> events = new ArrayList<>();

		final List<EventSource> sources = new ArrayList<>();

		@Override
		public synchronized void publish(List<UsageEventInput> batch, EventSource source) {
			this.events.addAll(batch);
			batch.forEach(event -> this.sources.add(source));
		}

	}

	@TempDir
	Path directory;

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	private final RecordingPublisher publisher = new RecordingPublisher();

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	private BatchImports imports() {
		return new BatchImports(new UsageEventValidator(Duration.ofDays(90), Duration.ofMinutes(5), () -> NOW),
				this.publisher, new BatchLedger(this.directory.resolve("ledger.jsonl")), this.executor);
	}

	private Path file(String name, String content) throws Exception {
		Path file = this.directory.resolve(name);
		Files.writeString(file, content);
		return file;
	}

	private static BatchStatus await(BatchImports imports, String id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!imports.status(id).finished()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("import " + id + " did not finish");
			}
			Thread.sleep(10);
		}
		return imports.status(id);
	}

	private static final String CSV = """
			timestamp,accountId,apiName,statusCode,bundles
			2026-12-01T10:00:00Z,acct-1,person.enrich,200,employment|social
			2026-12-01T10:00:01Z,acct-2,company.enrich,200,
			2026-12-01T10:00:02Z,bad id,person.enrich,200,social
			"2026-12-01T10:00:03Z","acct-3","person.enrich",404,""
			2026-12-01T10:00:04Z,acct-4
			""";

	@Test
	void csvRowsBecomeBatchEventsAndBadLinesAreReportedWithTheirReason() throws Exception {
		BatchImports imports = imports();
		BatchImports.Started started = imports.submit(file("a.csv", CSV), SummaryFileReader.Format.CSV);
		assertThat(started.isNew()).isTrue();
		BatchStatus done = await(imports, started.status().id());
		assertThat(done.state()).isEqualTo(BatchStatus.State.SUCCEEDED);
		assertThat(done.rows()).isEqualTo(5);
		assertThat(done.emitted()).isEqualTo(3);
		assertThat(done.rejected()).isEqualTo(2);
		assertThat(done.errors()).extracting(BatchStatus.LineError::line, BatchStatus.LineError::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "accountId"),
					org.assertj.core.groups.Tuple.tuple(6L, ""));
		assertThat(done.errors().get(1).message()).contains("has 2 columns where the header names 5");
		assertThat(this.publisher.sources).containsOnly(EventSource.BATCH);
		assertThat(this.publisher.events).extracting(UsageEventInput::accountId).containsExactly("acct-1", "acct-2", "acct-3");
		assertThat(this.publisher.events.getFirst().bundles()).containsExactly("employment", "social");
		assertThat(this.publisher.events.getFirst().eventId()).isEqualTo("batch-" + done.id() + "-2");
		assertThat(this.publisher.events.get(2).statusCode()).isEqualTo(404);
	}

	@Test
	void theSameFilePostedAgainEvenAfterARestartEmitsNothingNew() throws Exception {
		BatchImports first = imports();
		String id = first.submit(file("a.csv", CSV), SummaryFileReader.Format.CSV).status().id();
		await(first, id);
		int emitted = this.publisher.events.size();

		BatchImports.Started again = first.submit(file("b.csv", CSV), SummaryFileReader.Format.CSV);
		assertThat(again.isNew()).isFalse();
		BatchImports restarted = imports();
		BatchImports.Started afterRestart = restarted.submit(file("c.csv", CSV), SummaryFileReader.Format.CSV);
		assertThat(afterRestart.isNew()).isFalse();
		assertThat(afterRestart.status().emitted()).isEqualTo(3);
		assertThat(this.publisher.events).hasSize(emitted);
		assertThat(Files.exists(this.directory.resolve("b.csv"))).as("the spooled copy is removed").isFalse();
	}

	@Test
	void ndjsonRowsPassTheSameValidationAsLiveEvents() throws Exception {
		BatchImports imports = imports();
		String content = """
				{"timestamp": "2026-12-01T10:00:00Z", "accountId": "acct-1", "apiName": "x", "statusCode": 200, "bundles": ["a"]}
				not json

				{"timestamp": "2026-06-01T10:00:00Z", "accountId": "acct-2", "apiName": "x", "statusCode": 200}
				""";
		String id = imports.submit(file("a.ndjson", content), SummaryFileReader.Format.NDJSON).status().id();
		BatchStatus done = await(imports, id);
		assertThat(done.emitted()).isEqualTo(1);
		assertThat(done.rejected()).isEqualTo(2);
		assertThat(done.errors()).extracting(BatchStatus.LineError::line).containsExactly(2L, 4L);
		assertThat(done.errors().get(1).message()).isEqualTo("is older than the 90 days accepted");
	}

}
