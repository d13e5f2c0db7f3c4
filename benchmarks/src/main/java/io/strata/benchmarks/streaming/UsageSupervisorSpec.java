package io.strata.benchmarks.streaming;

import java.net.URI;

/**
 * The Kafka supervisor spec both runs submit: the usage schema of {@code bin/strata}'s supervisor
 * (seven dimensions, minute rollup, day segments, count, sums, a max and an HLL sketch), one task
 * with no replica reading every partition from the earliest offset, Druid's Kafka tuning defaults
 * but for {@code maxRowsInMemory} (default 150,000; a persist every 10 minutes) and a task duration
 * longer than any run, so no roll-over or hand-off happens while measuring.
 * <p>
 * The sketch counts distinct {@code requestId}s: the usage topic carries no plain user id (the
 * gateway encrypts identifiers), and a request id is unique per call, so every event updates a
 * sketch, as a user id of a busy account would.
 */
final class UsageSupervisorSpec {

	private UsageSupervisorSpec() {
	}

	static String json(String dataSource, String topic, String bootstrapServers, URI registry, int maxRowsInMemory) {
		return """
				{"type": "kafka",
				 "spec": {
				   "dataSchema": {"dataSource": "%s",
				     "timestampSpec": {"column": "timestamp", "format": "millis"},
				     "dimensionsSpec": {"dimensions": ["accountId", "apiName", "statusCode", "bundles", "source", "region", "plan"]},
				     "metricsSpec": [
				       {"type": "count", "name": "calls"},
				       {"type": "longSum", "name": "latencyMs", "fieldName": "latencyMs"},
				       {"type": "longMax", "name": "maxLatencyMs", "fieldName": "latencyMs"},
				       {"type": "longSum", "name": "bytes", "fieldName": "bytes"},
				       {"type": "HLLSketchBuild", "name": "requests", "fieldName": "requestId", "lgK": 12, "tgtHllType": "HLL_4"}],
				     "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "minute", "rollup": true}},
				   "ioConfig": {"topic": "%s", "consumerProperties": {"bootstrap.servers": "%s"},
				     "inputFormat": {"type": "avro_stream", "avroBytesDecoder": {"type": "schema_registry", "url": "%s"}},
				     "taskCount": 1, "replicas": 1, "taskDuration": "PT1H", "useEarliestOffset": true,
				     "completionTimeout": "PT30M", "lateMessageRejectionPeriod": "P1D"},
				   "tuningConfig": {"type": "kafka", "maxRowsInMemory": %d, "intermediatePersistPeriod": "PT10M",
				     "maxParseExceptions": 0}}}"""
			.formatted(dataSource, topic, bootstrapServers, registry, maxRowsInMemory);
	}

}
