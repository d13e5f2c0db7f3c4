package io.strata.engine.query.exec;

import io.strata.engine.error.StrataException;
import io.strata.engine.query.ScanQuery;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the scan answers of data servers (each ran the scan with {@code offset + limit} as its
 * limit and no offset, see {@link IntermediateResults#scan}). Unordered scans: each segment's
 * batches in segment id order, the order one server visits its segments in, so the rows are those
 * a single server would return. Time-ordered scans: the servers' rows merged on {@code __time};
 * rows of equal time from different servers come in server order (Druid leaves that order open;
 * one server breaks such ties by segment, which the broker no longer sees). Then the offset and
 * limit, and batches of at most the query's {@code batchSize} rows, each named (segment id,
 * columns, row signature) by the server batch its first row came from, as Druid batches
 * time-ordered rows. Holds the answers in memory. Stateless.
 */
final class ScanResultMerger {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private ScanResultMerger() {
	}

	static String merge(ScanQuery query, List<JsonNode> answers, QueryControl control) {
		Output output = new Output(query);
		if (query.order().equals("none")) {
			TreeMap<SegmentId, List<JsonNode>> bySegment = new TreeMap<>();
			for (int a = 0; a < answers.size(); a++) {
				for (int b = 0; b < answers.get(a).size(); b++) {
					JsonNode batch = answers.get(a).get(b);
					bySegment.computeIfAbsent(segmentId(query, batch, "[" + a + "][" + b + "]"), any -> new ArrayList<>())
						.add(batch);
				}
			}
			for (List<JsonNode> batches : bySegment.values()) {
				for (JsonNode batch : batches) {
					for (JsonNode event : batch.get("events")) {
						output.row(event, batch);
					}
				}
				output.flushBatch();
				control.check();
			}
		}
		else {
			timeOrdered(query, answers, output, control);
		}
		return MAPPER.writeValueAsString(output.batches);
	}

	/** A k-way merge of the servers' rows on {@code __time}, each server's rows already in order. */
	private static void timeOrdered(ScanQuery query, List<JsonNode> answers, Output output, QueryControl control) {
		boolean descending = query.order().equals("descending");
		List<List<JsonNode>> rows = new ArrayList<>();
		// the batch each row came from: without a column list, segments differ in columns
		List<List<JsonNode>> sources = new ArrayList<>();
		List<long[]> times = new ArrayList<>();
		for (int a = 0; a < answers.size(); a++) {
			List<JsonNode> serverRows = new ArrayList<>();
			List<JsonNode> serverSources = new ArrayList<>();
			List<Long> serverTimes = new ArrayList<>();
			for (int b = 0; b < answers.get(a).size(); b++) {
				JsonNode batch = answers.get(a).get(b);
				int timeIndex = timeIndex(batch.get("columns"), "[" + a + "][" + b + "]");
				for (JsonNode event : batch.get("events")) {
					serverRows.add(event);
					serverSources.add(batch);
					JsonNode time = event.isArray() ? event.get(timeIndex) : event.get(Segment.TIME_COLUMN);
					serverTimes.add(time.longValue());
				}
			}
			rows.add(serverRows);
			sources.add(serverSources);
			times.add(serverTimes.stream().mapToLong(Long::longValue).toArray());
		}
		int[] next = new int[rows.size()];
		int sinceCheck = 0;
		while (!output.done()) {
			int best = -1;
			for (int a = 0; a < rows.size(); a++) {
				if (next[a] < rows.get(a).size() && (best < 0 || (descending
						? times.get(a)[next[a]] > times.get(best)[next[best]]
						: times.get(a)[next[a]] < times.get(best)[next[best]]))) {
					best = a;
				}
			}
			if (best < 0) {
				break;
			}
			if (++sinceCheck == 1024) {
				control.check();
				sinceCheck = 0;
			}
			output.row(rows.get(best).get(next[best]), sources.get(best).get(next[best]));
			next[best]++;
		}
		output.flushBatch();
	}

	private static int timeIndex(JsonNode columns, String where) {
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).asString().equals(Segment.TIME_COLUMN)) {
				return i;
			}
		}
		throw StrataException.invalidInput("A time-ordered scan merges on column[%s], which data server answer%s "
				+ "does not have; add it to the scan's columns", Segment.TIME_COLUMN, where);
	}

	/**
	 * The id of a batch's segment, parsed knowing the datasource (as Druid's {@code
	 * SegmentId.tryParse} does): {@code dataSource_start_end_version[_partitionNum]}.
	 */
	private static SegmentId segmentId(ScanQuery query, JsonNode batch, String where) {
		JsonNode id = batch.get("segmentId");
		String prefix = query.dataSource() + "_";
		if (id == null || !id.isString() || !id.stringValue().startsWith(prefix)) {
			throw IntermediateValue.malformed(where + ".segmentId", "is not a segment of dataSource[" + query.dataSource()
					+ "]");
		}
		String[] parts = id.stringValue().substring(prefix.length()).split("_", 3);
		try {
			String version = parts[2];
			int partition = 0;
			int last = version.lastIndexOf('_');
			if (last > 0 && version.substring(last + 1).chars().allMatch(Character::isDigit)
					&& last + 1 < version.length()) {
				partition = Integer.parseInt(version.substring(last + 1));
				version = version.substring(0, last);
			}
			return new SegmentId(query.dataSource(), new Interval(IsoTime.parse(parts[0]), IsoTime.parse(parts[1])),
					version, partition);
		}
		catch (RuntimeException ex) {
			throw IntermediateValue.malformed(where + ".segmentId", "is not a segment id");
		}
	}

	/** Applies offset and limit, and cuts events into batches as one server does. */
	private static final class Output {

		private final List<Map<String, Object>> batches = new ArrayList<>();

		private final List<JsonNode> events = new ArrayList<>();

		private final int batchSize;

		private long skip;

		private long remaining;

		private JsonNode segmentId;

		private JsonNode columns;

		private JsonNode signature;

		Output(ScanQuery query) {
			this.batchSize = query.batchSize();
			this.skip = query.offset();
			this.remaining = query.limit() == null ? Long.MAX_VALUE : query.limit();
		}

		boolean done() {
			return this.remaining <= 0;
		}

		/** Adds {@code event}, read from the server batch {@code source}. */
		void row(JsonNode event, JsonNode source) {
			if (this.skip > 0) {
				this.skip--;
				return;
			}
			if (this.remaining <= 0) {
				return;
			}
			this.remaining--;
			if (this.events.isEmpty()) {
				this.segmentId = source.get("segmentId");
				this.columns = source.get("columns");
				this.signature = source.get("rowSignature");
			}
			this.events.add(event);
			if (this.events.size() == this.batchSize) {
				flushBatch();
			}
		}

		void flushBatch() {
			if (this.events.isEmpty()) {
				return;
			}
			Map<String, Object> batch = new LinkedHashMap<>();
			batch.put("segmentId", this.segmentId);
			batch.put("columns", this.columns);
			batch.put("events", List.copyOf(this.events));
			batch.put("rowSignature", this.signature);
			this.batches.add(batch);
			this.events.clear();
		}

	}

}
