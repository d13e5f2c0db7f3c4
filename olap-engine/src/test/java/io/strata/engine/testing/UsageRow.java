package io.strata.engine.testing;

import io.strata.engine.segment.column.Utf8Order;
import io.strata.engine.input.InputRow;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One usage event as the tests ingest it, with the optional fields that may be missing.
 * @param region null when the event has none
 * @param latencyMs null when the event has none
 */
public record UsageRow(long timestamp, String accountId, String apiName, long statusCode, List<String> bundles,
		String region, String plan, String userId, Long latencyMs, long bytes) {

	/** Segment order: time, then the dimensions in schema order, null (and no bundles) first. */
	public static final Comparator<UsageRow> SEGMENT_ORDER = Comparator.comparingLong(UsageRow::timestamp)
		.thenComparing(UsageRow::accountId, Utf8Order.INSTANCE)
		.thenComparing(UsageRow::apiName, Utf8Order.INSTANCE)
		.thenComparingLong(UsageRow::statusCode)
		.thenComparing(UsageRow::bundles, UsageRow::compareLists)
		.thenComparing(UsageRow::region, Comparator.nullsFirst(Utf8Order.INSTANCE))
		.thenComparing(UsageRow::plan, Utf8Order.INSTANCE);

	public InputRow toInputRow() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("timestamp", this.timestamp);
		fields.put("accountId", this.accountId);
		fields.put("apiName", this.apiName);
		fields.put("statusCode", this.statusCode);
		fields.put("bundles", this.bundles);
		if (this.region != null) {
			fields.put("region", this.region);
		}
		fields.put("plan", this.plan);
		fields.put("userId", this.userId);
		if (this.latencyMs != null) {
			fields.put("latencyMs", this.latencyMs);
		}
		fields.put("bytes", this.bytes);
		return new InputRow(this.timestamp, fields);
	}

	/** The row with its time truncated, for expected rollups. */
	public UsageRow withTimestamp(long time) {
		return new UsageRow(time, this.accountId, this.apiName, this.statusCode, this.bundles, this.region, this.plan,
				this.userId, this.latencyMs, this.bytes);
	}

	/** The dimension values of the row: its rollup key without the time. */
	public List<Object> dimensionKey() {
		return java.util.Arrays.asList(this.accountId, this.apiName, this.statusCode, this.bundles, this.region,
				this.plan);
	}

	static int compareLists(List<String> left, List<String> right) {
		int common = Math.min(left.size(), right.size());
		for (int i = 0; i < common; i++) {
			int result = Utf8Order.INSTANCE.compare(left.get(i), right.get(i));
			if (result != 0) {
				return result;
			}
		}
		return Integer.compare(left.size(), right.size());
	}

}
