package io.strata.benchmarks;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IngestSpecJson;

/** The usage datasource as the benchmarks (and later the quickstart) ingest it. */
public final class UsageDataSchema {

	/** Druid dataSchema JSON: minute rollup, day segments, an HLL sketch of users. */
	public static final String JSON = """
			{
			  "dataSource": "usage",
			  "timestampSpec": {"column": "timestamp", "format": "iso"},
			  "dimensionsSpec": {
			    "dimensions": ["accountId", "apiName", "statusCode", "bundles", "source", "region", "plan"]
			  },
			  "metricsSpec": [
			    {"type": "count", "name": "calls"},
			    {"type": "longSum", "name": "latencyMs", "fieldName": "latencyMs"},
			    {"type": "longMax", "name": "maxLatencyMs", "fieldName": "latencyMs"},
			    {"type": "longSum", "name": "bytes", "fieldName": "bytes"},
			    {"type": "HLLSketchBuild", "name": "users", "fieldName": "userId", "lgK": 12, "tgtHllType": "HLL_4"}
			  ],
			  "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "minute", "rollup": true}
			}
			""";

	private UsageDataSchema() {
	}

	public static DataSchema parse() {
		return new IngestSpecJson().readDataSchema(JSON);
	}

}
