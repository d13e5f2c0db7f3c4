package io.strata.engine.testing;

import io.strata.sample.UsageEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The random values of the randomized query tests: generated usage events as dimension maps, and
 * small random columns with nulls and multi-values, and a dimension value as the naive evaluators
 * read it back. Each method draws from {@code random} in a fixed order, so a seed gives the same
 * rows whichever test draws them.
 */
public final class RandomUsageValues {

	private static final List<String> REGIONS = List.of("us", "eu", "ap");

	private static final List<String> TAGS = List.of("t1", "t2", "t3", "t4");

	private RandomUsageValues() {
	}

	/**
	 * The dimensions of a generated event in order: accountId, apiName, statusCode (as text), bundles
	 * (a list, maybe empty) and region, left null one time in {@code oneRegionIn}.
	 */
	public static Map<String, Object> dimensions(UsageEvent event, SplittableRandom random, int oneRegionIn) {
		Map<String, Object> dimensions = new LinkedHashMap<>();
		dimensions.put("accountId", event.accountId());
		dimensions.put("apiName", event.apiName());
		dimensions.put("statusCode", Integer.toString(event.statusCode()));
		dimensions.put("bundles", event.bundles());
		dimensions.put("region", random.nextInt(oneRegionIn) == 0 ? null : event.region());
		return dimensions;
	}

	/** a to e, null one time in ten. */
	public static String api(SplittableRandom random) {
		return random.nextInt(10) == 0 ? null : String.valueOf((char) ('a' + random.nextInt(5)));
	}

	/** us, eu or ap, null one time in seven. */
	public static String region(SplittableRandom random) {
		return random.nextInt(7) == 0 ? null : REGIONS.get(random.nextInt(3));
	}

	/** Each of t1 to t4 one time in three, in that order: often empty or several values. */
	public static List<String> tags(SplittableRandom random) {
		List<String> tags = new ArrayList<>();
		for (String tag : TAGS) {
			if (random.nextInt(3) == 0) {
				tags.add(tag);
			}
		}
		return tags;
	}

	/** 0 to 999, null one time in five. */
	public static Long score(SplittableRandom random) {
		return random.nextInt(5) == 0 ? null : random.nextLong(1000);
	}

	/** A whole multiple of 1/64 below 1563, so that double sums stay exact; null one time in five. */
	public static Double ratio(SplittableRandom random) {
		return random.nextInt(5) == 0 ? null : random.nextInt(100_000) / 64.0;
	}

	/**
	 * A dimension value as the naive evaluators match it: no values for null, the values of a
	 * multi-value list (none when empty), else the one value.
	 */
	public static List<String> values(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(Object::toString).toList();
		}
		return List.of(value.toString());
	}

}
