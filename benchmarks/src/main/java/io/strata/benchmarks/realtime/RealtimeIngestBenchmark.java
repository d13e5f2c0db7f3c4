package io.strata.benchmarks.realtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.strata.benchmarks.OptionValues;
import io.strata.benchmarks.RunTimes;
import io.strata.benchmarks.UsageDataSchema;
import io.strata.engine.batch.BuiltSegment;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.input.AvroStreamParser;
import io.strata.engine.input.InlineSchemaAvroBytesDecoder;
import io.strata.engine.input.InputRowFactory;
import io.strata.engine.input.TimestampFormat;
import io.strata.engine.input.TimestampSpec;
import io.strata.engine.realtime.RealtimeTuning;
import io.strata.engine.realtime.StreamAppender;
import io.strata.sample.UsageCatalog;
import io.strata.sample.UsageDataConfig;
import io.strata.sample.UsageEvent;
import io.strata.sample.UsageEventGenerator;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * The real-time ingestion benchmark of issue 7, engine part, one thread (run it pinned to one
 * core, see {@code bin/bench-realtime}): one day of generated usage events, encoded beforehand as
 * Avro binary messages of a UsageEvent-like schema, are decoded ({@code avro_stream}), rolled up
 * by minute with an HLL sketch of users (the usage schema) and added to a {@link StreamAppender},
 * which persists every {@code maxRowsInMemory} rows or {@code intermediatePersistPeriod} (with
 * their fsync and commit file). Reported: events/s of that loop, and the time of the final merge
 * ({@code finish}). Kafka is not involved. The median of the repeats is reported after one warm-up.
 * <p>
 * Usage: {@code RealtimeIngestBenchmark [--events N] [--repeat R] [--max-rows-in-memory N]
 * [--persist-period-ms N]}
 */
public final class RealtimeIngestBenchmark {

	/** The usage event as Avro, with the time as epoch milliseconds as the gateway sends it. */
	static final Schema EVENT_SCHEMA = SchemaBuilder.record("UsageEvent").namespace("io.strata.bench").fields()
		.requiredString("eventId")
		.requiredLong("timestamp")
		.requiredString("accountId")
		.requiredString("apiName")
		.requiredInt("statusCode")
		.name("bundles").type().array().items().stringType().noDefault()
		.requiredString("source")
		.requiredString("region")
		.requiredString("plan")
		.requiredString("userId")
		.requiredLong("latencyMs")
		.requiredLong("bytes")
		.endRecord();

	private RealtimeIngestBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		long events = 1_000_000;
		int repeat = 3;
		int maxRowsInMemory = RealtimeTuning.DEFAULTS.maxRowsInMemory();
		long persistPeriod = RealtimeTuning.DEFAULTS.intermediatePersistPeriodMillis();
		for (int i = 0; i < args.length; i += 2) {
			String value = i + 1 < args.length ? args[i + 1] : null;
			switch (args[i]) {
				case "--events" -> events = OptionValues.wholeNumber(args[i], value);
				case "--repeat" -> repeat = Math.toIntExact(OptionValues.wholeNumber(args[i], value));
				case "--max-rows-in-memory" -> maxRowsInMemory = Math.toIntExact(OptionValues.wholeNumber(args[i], value));
				case "--persist-period-ms" -> persistPeriod = OptionValues.wholeNumber(args[i], value);
				default -> throw new IllegalArgumentException("usage: bin/bench-realtime [--events N] [--repeat R] "
						+ "[--max-rows-in-memory N] [--persist-period-ms N]");
			}
		}
		Path work = Files.createTempDirectory("strata-realtime-bench");
		try {
			run(work, Math.toIntExact(events), repeat,
					RealtimeTuning.DEFAULTS.withRows(maxRowsInMemory, RealtimeTuning.DEFAULTS.maxRowsPerSegment())
						.withPersistPeriod(persistPeriod));
		}
		finally {
			RunTimes.delete(work);
		}
	}

	private static void run(Path work, int events, int repeat, RealtimeTuning tuning) throws IOException {
		UsageDataConfig config = new UsageDataConfig(42, Instant.parse("2026-10-01T00:00:00Z"), 1, events, 10_000,
				UsageCatalog.API_NAMES.size(), UsageCatalog.BUNDLE_NAMES.size(), 1.1);
		byte[][] messages = encode(config, events);
		long bytes = 0;
		for (byte[] message : messages) {
			bytes += message.length;
		}
		DataSchema usage = UsageDataSchema.parse();
		TimestampSpec millis = TimestampSpec.of("timestamp", TimestampFormat.MILLIS);
		DataSchema schema = new DataSchema(usage.dataSource(), millis, usage.dimensionsSpec(), usage.metricsSpec(),
				usage.granularitySpec());
		System.out.printf(Locale.ROOT, "realtime benchmark: %,d usage events of one day as Avro messages (%,d MB), "
				+ "maxRowsInMemory %,d, intermediatePersistPeriod %,d ms, %d repeats + 1 warm-up, %d core(s), %,d MB heap%n",
				events, bytes >> 20, tuning.maxRowsInMemory(), tuning.intermediatePersistPeriodMillis(), repeat,
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
		List<Double> ingestSeconds = new ArrayList<>();
		List<Double> finishSeconds = new ArrayList<>();
		List<BuiltSegment> built = List.of();
		long processed = 0;
		for (int round = 0; round <= repeat; round++) {
			Path directory = work.resolve("task-" + round);
			AvroStreamParser parser = new AvroStreamParser(new InlineSchemaAvroBytesDecoder(EVENT_SCHEMA),
					new InputRowFactory(millis), false);
			try (StreamAppender appender = StreamAppender.restore(schema, tuning, directory)) {
				long start = System.nanoTime();
				for (int i = 0; i < messages.length; i++) {
					appender.add(0, i, messages[i], parser, System.currentTimeMillis());
				}
				long added = System.nanoTime();
				built = appender.finish("2026-10-02T00:00:00.000Z", System.currentTimeMillis());
				long finished = System.nanoTime();
				processed = appender.processed();
				if (round > 0) {
					ingestSeconds.add((added - start) / 1e9);
					finishSeconds.add((finished - added) / 1e9);
				}
			}
			RunTimes.delete(directory);
		}
		long rows = built.stream().mapToLong(BuiltSegment::rowCount).sum();
		double ingest = RunTimes.median(ingestSeconds);
		System.out.printf(Locale.ROOT, "avro_stream -> appender (decode, minute rollup, HLL, persists): %,d events in, "
				+ "%,d rolled-up rows out in %d segment(s); median %.2f s = %,.0f events/s; runs %s%n", processed, rows,
				built.size(), ingest, processed / ingest, RunTimes.format(ingestSeconds));
		System.out.printf(Locale.ROOT, "finish (last persist + merge of the parts): median %.2f s; runs %s%n",
				RunTimes.median(finishSeconds), RunTimes.format(finishSeconds));
	}

	private static byte[][] encode(UsageDataConfig config, int events) throws IOException {
		byte[][] messages = new byte[events][];
		UsageEventGenerator generator = new UsageEventGenerator(config);
		GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(EVENT_SCHEMA);
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		BinaryEncoder encoder = null;
		GenericRecord record = new GenericData.Record(EVENT_SCHEMA);
		int i = 0;
		while (generator.hasNext() && i < events) {
			UsageEvent event = generator.next();
			record.put("eventId", event.eventId());
			record.put("timestamp", event.timestampMillis());
			record.put("accountId", event.accountId());
			record.put("apiName", event.apiName());
			record.put("statusCode", event.statusCode());
			record.put("bundles", event.bundles());
			record.put("source", event.source());
			record.put("region", event.region());
			record.put("plan", event.plan());
			record.put("userId", event.userId());
			record.put("latencyMs", event.latencyMs());
			record.put("bytes", event.bytes());
			out.reset();
			encoder = EncoderFactory.get().binaryEncoder(out, encoder);
			writer.write(record, encoder);
			encoder.flush();
			messages[i++] = out.toByteArray();
		}
		return i == events ? messages : java.util.Arrays.copyOf(messages, i);
	}

}
