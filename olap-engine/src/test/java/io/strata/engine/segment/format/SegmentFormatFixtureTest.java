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
import io.strata.engine.segment.column.SketchValues;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringValues;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import org.apache.datasketches.hll.HllSketch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A segment file written by each format version is committed under
 * {@code src/test/resources/segments/v<N>/}; every later build must still read them all and find
 * the same values. Run with {@code -Dstrata.updateFixtures=true} to write the fixture of the
 * current version (when the format version changes: a new fixture beside the old ones).
 */
class SegmentFormatFixtureTest {

	private static Path fixture(int version) {
		return Path.of("src/test/resources/segments/v" + version + "/usage-fixture.strata");
	}

	private static final String SCHEMA = """
			{"dataSource": "usage",
			 "timestampSpec": {"column": "ts", "format": "iso"},
			 "dimensionsSpec": {"dimensions": ["account", "bundles", {"type": "long", "name": "status"}]},
			 "metricsSpec": [{"type": "count", "name": "calls"},
			                 {"type": "doubleSum", "name": "latency", "fieldName": "latency"},
			                 {"type": "HLLSketchBuild", "name": "users", "fieldName": "user"}],
			 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "hour", "rollup": true}}
			""";

	private static final SegmentId ID = new SegmentId("usage", Interval.parse("2026-01-01/2026-01-02"),
			"2026-01-02T00:00:00.000Z", 0);

	@ParameterizedTest
	@ValueSource(ints = { 1, 2 })
	void committedFileStillReadsWithTheSameValues(int version, @TempDir Path temporary) throws IOException {
		Path fixture = fixture(version);
		if (Boolean.getBoolean("strata.updateFixtures") && version == SegmentFormat.VERSION) {
			Files.createDirectories(fixture.getParent());
			write(fixture);
		}
		assertThat(fixture).as("committed fixture").exists();
		Path fresh = temporary.resolve("fresh.strata");
		write(fresh);
		try (Segment committed = new SegmentFileReader().open(fixture);
				Segment current = new SegmentFileReader().open(fresh)) {
			assertThat(committed.metadata().formatVersion()).isEqualTo(version);
			assertThat(committed.id()).isEqualTo(ID);
			assertThat(describe(committed)).isEqualTo(describe(current)).hasSize(6);
			assertThat(describe(committed).getFirst())
				.isEqualTo("2026-01-01T00:00:00.000Z|[acct-1]|[contact, social]|200|2|5.5|2");
		}
	}

	private static void write(Path file) {
		DataSchema schema = new IngestSpecJson().readDataSchema(SCHEMA);
		IncrementalIndex index = new IncrementalIndex(schema);
		String[][] rows = {
				{ "2026-01-01T00:10:00Z", "acct-1", "social,contact", "200", "2.5", "u1" },
				{ "2026-01-01T00:20:00Z", "acct-1", "contact,social", "200", "3.0", "u2" },
				{ "2026-01-01T01:00:00Z", "acct-2", "", "404", "1.0", "u1" },
				{ "2026-01-01T01:30:00Z", "acct-2", "social", "", "", "u3" },
				{ "2026-01-01T05:00:00Z", "", "demographics,contact,social", "500", "9.25", "u4" },
				{ "2026-01-01T23:59:59Z", "acct-\u00e9", "social", "429", "0.5", "u5" },
				{ "2026-01-01T23:00:01Z", "acct-3", "social", "429", "0.5", "u6" } };
		for (String[] row : rows) {
			FieldMap fields = new FieldMap(8);
			fields.put("account", row[1].isEmpty() ? null : row[1]);
			fields.put("bundles", row[2].isEmpty() ? null : List.<Object>of((Object[]) row[2].split(",")));
			fields.put("status", row[3].isEmpty() ? null : row[3]);
			fields.put("latency", row[4].isEmpty() ? null : row[4]);
			fields.put("user", row[5]);
			index.add(new InputRow(IsoTime.parse(row[0]), fields));
		}
		new IndexPersister().persist(index, ID, file);
	}

	/** Every row as text: time|account ids as values|bundles|status|calls|latency|users estimate. */
	private static List<String> describe(Segment segment) {
		List<String> rows = new ArrayList<>();
		NumericValues time = segment.time().open();
		StringColumn account = segment.stringColumn("account");
		StringValues accounts = account.open();
		StringColumn bundle = segment.stringColumn("bundles");
		StringValues bundles = bundle.open();
		NumericValues status = segment.numericColumn("status").open();
		NumericValues calls = segment.numericColumn("calls").open();
		NumericValues latency = segment.numericColumn("latency").open();
		SketchValues users = segment.sketchColumn("users").open();
		for (int row = 0; row < segment.numRows(); row++) {
			List<String> accountValues = new ArrayList<>();
			int count = accounts.getIds(row);
			for (int i = 0; i < count; i++) {
				accountValues.add(account.dictionary().get(accounts.lastIds()[i]));
			}
			List<String> bundleValues = new ArrayList<>();
			count = bundles.getIds(row);
			for (int i = 0; i < count; i++) {
				bundleValues.add(bundle.dictionary().get(bundles.lastIds()[i]));
			}
			String statusText = segment.numericColumn("status").nullRows().contains(row) ? "null"
					: Long.toString(status.getLong(row));
			String latencyText = segment.numericColumn("latency").nullRows().contains(row) ? "null"
					: Double.toString(latency.getDouble(row));
			rows.add(IsoTime.format(time.getLong(row)) + "|" + accountValues + "|" + bundleValues + "|" + statusText + "|"
					+ calls.getLong(row) + "|" + latencyText + "|" + Math.round(((HllSketch) users.getSketch(row)).getEstimate()));
		}
		return rows;
	}

}
