package io.strata.node.broker.lane;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.strata.engine.error.StrataException;

/**
 * Druid's {@code druid.query.scheduler.laning.strategy}: how queries are put in lanes, each lane a
 * cap on how many of its queries run at once, below the scheduler's total.
 */
public sealed interface LaningSpec {

	/** The lane of the {@code hilo} strategy. */
	String LOW = "low";

	/** The name the scheduler reports its total cap under; no lane may take it (Druid reserves it too). */
	String TOTAL = "total";

	/** Reserved by Druid (its bulkhead registry's default entry); refused here to keep configs portable. */
	String DEFAULT = "default";

	/** Strategy {@code none}: no lanes; a lane named in the context is ignored, as Druid does. */
	record None() implements LaningSpec {

	}

	/**
	 * Strategy {@code hilo}: queries with context priority below 0 and no lane of their own go to
	 * lane {@value LaningSpec#LOW}, which may use at most {@code maxLowPercent} of the total.
	 */
	record HiLo(int maxLowPercent) implements LaningSpec {

		public HiLo {
			if (maxLowPercent < 1 || maxLowPercent > 100) {
				throw StrataException.invalidSpec("Laning maxLowPercent[%s] must be in the range 1 to 100",
						maxLowPercent);
			}
		}

	}

	/**
	 * Strategy {@code manual}: the lanes {@code lanes.{name}}, each limited to a count of queries or,
	 * when {@code limitPercent} (Druid's {@code isLimitPercent}), to a percent of the total. Queries
	 * pick a lane with the context key {@code lane}; queries without one only count against the
	 * total. Lanes are kept sorted by name so stats come out in a stable order.
	 */
	record Manual(Map<String, Integer> lanes, boolean limitPercent) implements LaningSpec {

		public Manual {
			Objects.requireNonNull(lanes, "lanes");
			if (lanes.isEmpty()) {
				throw StrataException.invalidSpec("Laning strategy[manual] must define at least one lane");
			}
			for (Map.Entry<String, Integer> lane : lanes.entrySet()) {
				String name = Objects.requireNonNull(lane.getKey(), "lane name");
				int limit = Objects.requireNonNull(lane.getValue(), "lane limit");
				if (name.equals(TOTAL) || name.equals(DEFAULT)) {
					throw StrataException.invalidSpec("Lane[%s] is a reserved name", name);
				}
				if (limitPercent ? limit < 1 || limit > 100 : limit < 1) {
					throw StrataException.invalidSpec("Lane[%s] limit[%s] must be %s", name, limit,
							limitPercent ? "in the range 1 to 100" : "greater than 0");
				}
			}
			lanes = Collections.unmodifiableMap(new TreeMap<>(lanes));
		}

	}

}
