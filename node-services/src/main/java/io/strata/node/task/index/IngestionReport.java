package io.strata.node.task.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.strata.engine.input.ParseError;

/**
 * Druid's {@code ingestionStatsAndErrors} task report: the ingestion state, row counts of the
 * {@code buildSegments} phase, the saved unparseable rows with their input and line, and the
 * error of a failed run.
 */
public final class IngestionReport {

	private IngestionReport() {
	}

	/**
	 * @param state Druid's ingestion state: {@code COMPLETED}, or the phase a failure stopped in
	 * ({@code BUILD_SEGMENTS})
	 */
	public static Map<String, Object> of(String taskId, String state, long processed, long unparseable, long thrownAway,
			List<ParseError> parseErrors, String errorMsg, long timeMillis) {
		Map<String, Object> rowStats = new LinkedHashMap<>();
		rowStats.put("processed", processed);
		rowStats.put("processedBytes", 0);
		rowStats.put("processedWithError", 0);
		rowStats.put("thrownAway", thrownAway);
		rowStats.put("unparseable", unparseable);
		List<Map<String, Object>> events = new ArrayList<>();
		for (ParseError error : parseErrors) {
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("input", error.rejection().input());
			event.put("errorType", "unparseable");
			event.put("details", List.of(error.describe()));
			event.put("timeOfExceptionMillis", timeMillis);
			events.add(event);
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("ingestionState", state);
		payload.put("unparseableEvents", Map.of("buildSegments", events));
		payload.put("rowStats", Map.of("buildSegments", rowStats));
		payload.put("errorMsg", errorMsg);
		payload.put("segmentAvailabilityConfirmed", false);
		payload.put("segmentAvailabilityWaitTimeMs", 0);
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("type", "ingestionStatsAndErrors");
		report.put("taskId", taskId);
		report.put("payload", payload);
		return Map.of("ingestionStatsAndErrors", report);
	}

}
