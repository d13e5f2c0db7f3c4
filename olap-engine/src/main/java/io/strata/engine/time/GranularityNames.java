package io.strata.engine.time;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The named granularities of Druid and the ISO period each stands for, in Druid's order. */
final class GranularityNames {

	static final Map<String, String> PERIODS;

	static {
		Map<String, String> periods = new LinkedHashMap<>();
		periods.put("second", "PT1S");
		periods.put("minute", "PT1M");
		periods.put("five_minute", "PT5M");
		periods.put("ten_minute", "PT10M");
		periods.put("fifteen_minute", "PT15M");
		periods.put("thirty_minute", "PT30M");
		periods.put("hour", "PT1H");
		periods.put("six_hour", "PT6H");
		periods.put("eight_hour", "PT8H");
		periods.put("day", "P1D");
		periods.put("week", "P1W");
		periods.put("month", "P1M");
		periods.put("quarter", "P3M");
		periods.put("year", "P1Y");
		PERIODS = Collections.unmodifiableMap(periods);
	}

	static final String ALL_NAMES = "[all, none, " + String.join(", ", PERIODS.keySet()) + "]";

	private GranularityNames() {
	}

}
