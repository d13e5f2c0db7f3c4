package io.strata.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IndexingPipeline;
import io.strata.engine.input.InputRowFactory;
import io.strata.engine.input.JsonInputFormatSpec;
import io.strata.engine.input.TextInputReader;
import io.strata.engine.json.SpecNode;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.segment.format.SegmentFormat;
import io.strata.node.task.TaskExecutor;
import io.strata.node.task.index.IndexParallelTaskType;
import io.strata.sample.NdjsonWriter;
import io.strata.sample.UsageDataConfig;
import io.strata.sample.UsageEventGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files {@code bin/strata} sends to the cluster (bin/quickstart): the ingestion task keeps
 * the benchmarks' usage dataSchema and is a valid {@code index_parallel} task once the script has
 * filled in its input, and every sample query answers over segments of generated usage data.
 */
class QuickstartFilesTest {

	/** Surefire runs in the module directory; the script's files are at the repository root. */
	private static final Path QUICKSTART = Path.of("..", "bin", "quickstart");

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void taskFileCarriesTheUsageDataSchema() throws IOException {
		JsonNode task = this.json.readTree(Files.readString(QUICKSTART.resolve("usage-index-task.json")));

		assertThat(task.path("spec").path("dataSchema")).isEqualTo(this.json.readTree(UsageDataSchema.JSON));
	}

	@Test
	void filledInTaskFileIsAnIndexParallelTaskOfUsage() throws IOException {
		String task = Files.readString(QUICKSTART.resolve("usage-index-task.json"))
			.replace("@BASE_DIR@", "/data/sample")
			.replace("@FILTER@", "usage-events*.ndjson");
		IndexParallelTaskType type = new IndexParallelTaskType("index_parallel", () -> {
			throw new AssertionError("a local input source needs no S3 client");
		});

		TaskExecutor executor = type.parse(SpecNode.root(this.json.readTree(task), "task"));

		assertThat(this.json.readTree(task).path("type").asString()).isEqualTo(type.name());
		assertThat(executor.dataSource()).isEqualTo("usage");
	}

	@Test
	void sampleQueriesAnswerOverGeneratedUsage(@TempDir Path directory) throws IOException {
		List<Segment> segments = ingest(directory, 20_000);
		try {
			QueryRunner runner = new QueryRunner();
			for (String name : List.of("top-apis.json", "errors-by-api.json", "calls-per-day.json")) {
				QueryRunner.Answer answer = runner.answer(Files.readString(QUICKSTART.resolve(name)), segments, null);

				assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(200);
				assertThat(this.json.readTree(answer.body()).size()).as(name).isPositive();
			}
			JsonNode topApis = this.json
				.readTree(runner.run(Files.readString(QUICKSTART.resolve("top-apis.json")), segments));
			assertThat(topApis.get(0).path("result").size()).isEqualTo(5);
			JsonNode days = this.json.readTree(runner.run(Files.readString(QUICKSTART.resolve("calls-per-day.json")),
					segments));
			assertThat(days.size()).isEqualTo(7);
		}
		finally {
			segments.forEach(Segment::close);
		}
	}

	private static List<Segment> ingest(Path directory, long events) throws IOException {
		ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
		new NdjsonWriter().write(new UsageEventGenerator(UsageDataConfig.defaults(events)), ndjson);
		DataSchema schema = UsageDataSchema.parse();
		IndexingPipeline pipeline = new IndexingPipeline(schema, directory, "v1", 100_000, 64L << 20, 20);
		try (InputStream in = new ByteArrayInputStream(ndjson.toByteArray())) {
			new TextInputReader(new JsonInputFormatSpec(), new InputRowFactory(schema.timestampSpec())).read(in,
					pipeline);
		}
		List<Segment> segments = new ArrayList<>();
		for (SegmentMetadata metadata : pipeline.finish()) {
			segments.add(new SegmentFileReader()
				.open(directory.resolve("segments").resolve(metadata.id().toString()).resolve(SegmentFormat.FILE_NAME)));
		}
		return segments;
	}

}
