package io.strata.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.input.InputRow;
import io.strata.engine.input.TimestampFormat;
import io.strata.engine.input.TimestampSpec;
import io.strata.engine.time.Granularity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A query pool may open a reader on one thread and close it on another: the read lock is not
 * tied to the opening thread, and once closed from anywhere the writer can add again.
 */
class IndexReaderCrossThreadTest {

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void aReaderOpenedOnOneThreadIsClosedOnAnother() throws Exception {
		IncrementalIndex index = new IncrementalIndex(new DataSchema("threads",
				TimestampSpec.of("timestamp", TimestampFormat.AUTO),
				DimensionsSpec.explicit(List.of(DimensionSchema.string("k"))), List.of(new CountAggregatorSpec("count")),
				new GranularitySpec(Granularity.named("day"), Granularity.none(), true, List.of())));
		index.add(row(1));
		ExecutorService opener = Executors.newSingleThreadExecutor();
		ExecutorService closer = Executors.newSingleThreadExecutor();
		ExecutorService writer = Executors.newSingleThreadExecutor();
		try {
			Thread openingThread = opener.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
			IndexReader reader = opener.submit(index::openReader).get(10, TimeUnit.SECONDS);
			assertThat(reader.ingestedRows()).isEqualTo(1);

			// the writer waits while the reader is open...
			Future<?> add = writer.submit(() -> index.add(row(2)));
			assertThatThrownBy(() -> add.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

			// ...and goes on once another thread closes it
			Thread closingThread = closer.submit(() -> {
				reader.close();
				return Thread.currentThread();
			}).get(10, TimeUnit.SECONDS);
			assertThat(closingThread).isNotSameAs(openingThread);
			add.get(10, TimeUnit.SECONDS);

			// a second close, from yet another thread, releases nothing more
			reader.close();
			writer.submit(() -> index.add(row(3))).get(10, TimeUnit.SECONDS);
			index.add(row(4));
			assertThat(index.ingestedRows()).isEqualTo(4);
			try (IndexReader view = index.openReader()) {
				assertThat(view.rowCount()).isEqualTo(4);
			}
		}
		finally {
			// no assertion here: a writer stuck on a lock that was never released must not hide
			// the failure that left it there
			for (ExecutorService threads : List.of(opener, closer, writer)) {
				threads.shutdownNow();
				threads.awaitTermination(5, TimeUnit.SECONDS);
			}
		}
	}

	private static InputRow row(long second) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("timestamp", second * 1_000);
		fields.put("k", "v" + second);
		return new InputRow(second * 1_000, fields);
	}

}
