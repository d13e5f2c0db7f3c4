package io.strata.benchmarks.cluster;

import java.util.Objects;

/**
 * The five queries of the per-account usage page, the "dashboard mix". The data covers
 * 2026-10-01 to 2026-10-31, so "now" is the end of October: "the last 7 days" and "the last day"
 * end there. Each template takes the account id and the query's context member (empty, or
 * {@code , "context": {...}}).
 */
enum DashboardQuery {

	/** The usage chart: calls and bytes per day over the 30 days. */
	USAGE_BY_DAY("usage by day (timeseries, 30 d)", """
			{"queryType": "timeseries", "dataSource": "usage", "intervals": ["2026-10-01/2026-10-31"], "granularity": "day",
			 "filter": {"type": "selector", "dimension": "accountId", "value": "%1$s"},
			 "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"},
			   {"type": "longSum", "name": "bytes", "fieldName": "bytes"}]%2$s}"""),

	/** The status code breakdown of the last week. */
	STATUS_CODES("status codes (groupBy, 7 d)", """
			{"queryType": "groupBy", "dataSource": "usage", "intervals": ["2026-10-24/2026-10-31"], "granularity": "all",
			 "dimensions": ["statusCode"], "filter": {"type": "selector", "dimension": "accountId", "value": "%1$s"},
			 "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"}]%2$s}"""),

	/** The account's most called APIs. */
	TOP_APIS("top APIs (topN, 30 d)", """
			{"queryType": "topN", "dataSource": "usage", "intervals": ["2026-10-01/2026-10-31"], "granularity": "all",
			 "dimension": "apiName", "metric": "calls", "threshold": 10,
			 "filter": {"type": "selector", "dimension": "accountId", "value": "%1$s"},
			 "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"}]%2$s}"""),

	/** Calls and distinct users per hour of the last day. */
	USERS_BY_HOUR("users by hour (timeseries HLL, 1 d)", """
			{"queryType": "timeseries", "dataSource": "usage", "intervals": ["2026-10-30/2026-10-31"], "granularity": "hour",
			 "filter": {"type": "selector", "dimension": "accountId", "value": "%1$s"},
			 "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"},
			   {"type": "HLLSketchMerge", "name": "users", "fieldName": "users"}]%2$s}"""),

	/** Calls per insights bundle: a group per value of the multi-value dimension. */
	BUNDLES("bundles (groupBy multi-value, 30 d)", """
			{"queryType": "groupBy", "dataSource": "usage", "intervals": ["2026-10-01/2026-10-31"], "granularity": "all",
			 "dimensions": ["bundles"], "filter": {"type": "selector", "dimension": "accountId", "value": "%1$s"},
			 "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"}]%2$s}""");

	private final String label;

	private final String template;

	DashboardQuery(String label, String template) {
		this.label = label;
		this.template = template;
	}

	/** How the table names the query. */
	String label() {
		return this.label;
	}

	/** The query for {@code account} (an id such as {@code acct-00042}: no JSON escaping needed). */
	String json(String account, CacheMode cache) {
		Objects.requireNonNull(account, "account");
		return this.template.formatted(account, cache.contextMember());
	}

}
