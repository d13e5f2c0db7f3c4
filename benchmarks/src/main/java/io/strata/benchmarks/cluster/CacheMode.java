package io.strata.benchmarks.cluster;

/** Whether the queries of a run may use the broker's per-segment result cache. */
enum CacheMode {

	/** Druid's context switches both off: every segment is asked of a historical, nothing is stored. */
	OFF("cache off", ", \"context\": {\"useCache\": false, \"populateCache\": false}"),

	/** No context: Druid's defaults, read the cache and fill it. */
	ON("cache on", "");

	private final String label;

	private final String contextMember;

	CacheMode(String label, String contextMember) {
		this.label = label;
		this.contextMember = contextMember;
	}

	String label() {
		return this.label;
	}

	/** The text appended to a query object's members. */
	String contextMember() {
		return this.contextMember;
	}

}
