package io.strata.engine.segment.format;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.ingest.IndexPersister;
import io.strata.engine.ingest.IngestSpecJson;
import io.strata.engine.input.FieldMap;
import io.strata.engine.input.InputRow;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringValues;
import io.strata.engine.time.Interval;
import io.strata.sample.UsageDataConfig;
import io.strata.sample.UsageEvent;
import io.strata.sample.UsageEventGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.BatchIterator;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitmap-driven row selection: the rows of one dictionary value, taken from its inverted index in
 * batches, gather exactly the values a full scan finds for that value.
 */
class BitmapSelectionTest {

	@Test
	void gatheringTheRowsOfABitmapMatchesAFullScan(@TempDir Path directory) {
		DataSchema schema = new IngestSpecJson().readDataSchema("""
				{"dataSource": "usage", "timestampSpec": {"column": "timestamp"},
				 "dimensionsSpec": {"dimensions": ["apiName", "accountId"]},
				 "metricsSpec": [{"type": "longSum", "name": "latency", "fieldName": "latencyMs"}],
				 "granularitySpec": {"segmentGranularity": "month", "queryGranularity": "none", "rollup": false}}
				""");
		IncrementalIndex index = new IncrementalIndex(schema);
		UsageEventGenerator events = new UsageEventGenerator(UsageDataConfig.defaults(60_000));
		while (events.hasNext()) {
			UsageEvent event = events.next();
			FieldMap fields = new FieldMap(4);
			fields.put("apiName", event.apiName());
			fields.put("accountId", event.accountId());
			fields.put("latencyMs", event.latencyMs());
			index.add(new InputRow(event.timestampMillis(), fields));
		}
		SegmentId id = new SegmentId("usage", Interval.parse("2026-10-01/2026-11-01"), "v1", 0);
		Path file = directory.resolve("segment.strata");
		new IndexPersister().persist(index, id, file);
		try (Segment segment = new SegmentFileReader().open(file)) {
			StringColumn api = segment.stringColumn("apiName");
			int wanted = api.dictionary().indexOf("email.verify");
			assertThat(wanted).isGreaterThanOrEqualTo(0);

			long scanSum = 0;
			int scanCount = 0;
			StringValues ids = api.open();
			NumericValues latency = segment.numericColumn("latency").open();
			for (int row = 0; row < segment.numRows(); row++) {
				if (ids.getId(row) == wanted) {
					scanSum += latency.getLong(row);
					scanCount++;
				}
			}

			ImmutableRoaringBitmap rows = api.bitmap(wanted);
			BatchIterator batches = rows.getBatchIterator();
			int[] batch = new int[256];
			long[] values = new long[256];
			int[] selectedIds = new int[256];
			NumericValues selected = segment.numericColumn("latency").open();
			StringValues selectedApi = api.open();
			long gatheredSum = 0;
			int gatheredCount = 0;
			while (batches.hasNext()) {
				int count = batches.nextBatch(batch);
				selected.readLongs(batch, count, values);
				selectedApi.readIds(batch, count, selectedIds);
				for (int i = 0; i < count; i++) {
					assertThat(selectedIds[i]).isEqualTo(wanted);
					gatheredSum += values[i];
				}
				gatheredCount += count;
			}
			assertThat(scanCount).isGreaterThan(1000);
			assertThat(gatheredCount).isEqualTo(scanCount).isEqualTo(rows.getCardinality());
			assertThat(gatheredSum).isEqualTo(scanSum);
		}
	}

}
