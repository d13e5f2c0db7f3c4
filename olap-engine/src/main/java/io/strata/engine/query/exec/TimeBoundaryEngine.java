package io.strata.engine.query.exec;

import io.strata.engine.query.TimeBoundaryQuery;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.time.IsoTime;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@code timeBoundary}: rows are sorted by time in every segment, so the first and last
 * selected rows are the bounds. Answers {@code []} when no row is selected. Stateless.
 */
final class TimeBoundaryEngine {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	String run(TimeBoundaryQuery query, List<Segment> segments) {
		long min = Long.MAX_VALUE;
		long max = Long.MIN_VALUE;
		for (Segment segment : segments) {
			ImmutableRoaringBitmap rows = RowSelector.select(segment, query.intervals(), query.filter());
			if (rows.isEmpty()) {
				continue;
			}
			NumericValues times = segment.time().open();
			min = Math.min(min, times.getLong(rows.first()));
			max = Math.max(max, times.getLong(rows.last()));
		}
		return write(query, min, max);
	}

	/** Druid's answer for bounds {@code min} and {@code max}: {@code []} when min is past max (no row). */
	static String write(TimeBoundaryQuery query, long min, long max) {
		if (min > max) {
			return "[]";
		}
		Map<String, Object> result = new LinkedHashMap<>();
		if (!"maxTime".equals(query.bound())) {
			result.put("minTime", IsoTime.format(min));
		}
		if (!"minTime".equals(query.bound())) {
			result.put("maxTime", IsoTime.format(max));
		}
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("timestamp", IsoTime.format("maxTime".equals(query.bound()) ? max : min));
		row.put("result", result);
		return MAPPER.writeValueAsString(List.of(row));
	}

}
