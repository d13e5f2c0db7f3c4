package io.strata.node.coordinator.compaction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.strata.engine.json.SpecNode;

/**
 * Druid's {@code partitionsSpec} of a compaction config's tuning config, with Druid's defaults
 * filled in, so that two specs meaning the same compare equal (the one in a config and the one a
 * compact task recorded in a segment's {@code lastCompactionState}).
 */
public sealed interface PartitionsSpec {

	/** Druid's default rows per segment for both types. */
	int DEFAULT_MAX_ROWS_PER_SEGMENT = 5_000_000;

	/**
	 * {@code dynamic}: segments cut at {@code maxRowsPerSegment} rows.
	 * @param maxTotalRows rows held before pushing; Long.MAX_VALUE when unset (Druid records it so)
	 */
	record Dynamic(int maxRowsPerSegment, long maxTotalRows) implements PartitionsSpec {

		public Dynamic {
			if (maxRowsPerSegment <= 0) {
				throw new IllegalArgumentException("maxRowsPerSegment must be positive");
			}
			if (maxTotalRows <= 0) {
				throw new IllegalArgumentException("maxTotalRows must be positive");
			}
		}

	}

	/**
	 * {@code hashed}: rows hashed on {@code partitionDimensions} (all dimensions when empty) into
	 * {@code numShards} shards, or into as many as give about {@code targetRowsPerSegment} rows.
	 * @param numShards 0 when {@code targetRowsPerSegment} decides
	 * @param targetRowsPerSegment 0 when {@code numShards} decides
	 */
	record Hashed(int numShards, int targetRowsPerSegment, List<String> partitionDimensions, String partitionFunction)
			implements PartitionsSpec {

		public Hashed {
			partitionDimensions = List.copyOf(partitionDimensions);
			Objects.requireNonNull(partitionFunction, "partitionFunction");
			if (numShards < 0 || targetRowsPerSegment < 0) {
				throw new IllegalArgumentException("numShards and targetRowsPerSegment must not be negative");
			}
			if ((numShards == 0) == (targetRowsPerSegment == 0)) {
				throw new IllegalArgumentException("exactly one of numShards and targetRowsPerSegment must be set");
			}
		}

	}

	static PartitionsSpec defaultSpec() {
		return new Dynamic(DEFAULT_MAX_ROWS_PER_SEGMENT, Long.MAX_VALUE);
	}

	/**
	 * Reads a spec; {@code null} (absent) is Druid's default, {@code dynamic}.
	 * @throws io.strata.engine.error.StrataException invalid spec naming the field
	 */
	static PartitionsSpec read(SpecNode spec) {
		if (spec == null) {
			return defaultSpec();
		}
		String type = spec.requiredString("type");
		return switch (type) {
			case "dynamic" -> {
				int maxRows = spec.optionalInt("maxRowsPerSegment", DEFAULT_MAX_ROWS_PER_SEGMENT);
				long maxTotalRows = spec.optionalLong("maxTotalRows", Long.MAX_VALUE);
				if (maxRows <= 0) {
					throw spec.error("maxRowsPerSegment", "must be positive, not " + maxRows);
				}
				if (maxTotalRows <= 0) {
					throw spec.error("maxTotalRows", "must be positive, not " + maxTotalRows);
				}
				yield new Dynamic(maxRows, maxTotalRows);
			}
			case "hashed" -> {
				int numShards = spec.optionalInt("numShards", 0);
				// maxRowsPerSegment is the deprecated name of targetRowsPerSegment
				int target = spec.optionalInt("targetRowsPerSegment", spec.optionalInt("maxRowsPerSegment", 0));
				if (numShards < 0 || (spec.has("numShards") && numShards == 0)) {
					throw spec.error("numShards", "must be positive, not " + numShards);
				}
				if (target < 0 || ((spec.has("targetRowsPerSegment") || spec.has("maxRowsPerSegment")) && target == 0)) {
					throw spec.error("targetRowsPerSegment", "must be positive, not " + target);
				}
				if (numShards > 0 && target > 0) {
					throw spec.error("numShards", "cannot be set together with targetRowsPerSegment");
				}
				if (numShards == 0 && target == 0) {
					target = DEFAULT_MAX_ROWS_PER_SEGMENT;
				}
				String function = spec.optionalString("partitionFunction", "murmur3_32_abs");
				if (!function.equals("murmur3_32_abs")) {
					throw spec.error("partitionFunction", "must be murmur3_32_abs, not " + function);
				}
				yield new Hashed(numShards, target, spec.optionalStringList("partitionDimensions"), function);
			}
			default -> throw spec.error("type",
					"names partitionsSpec[" + type + "], which is none of [dynamic, hashed] for compaction");
		};
	}

	/** Druid's JSON, every field written (as compaction states record it). */
	static Map<String, Object> write(PartitionsSpec spec) {
		Map<String, Object> json = new LinkedHashMap<>();
		switch (spec) {
			case Dynamic dynamic -> {
				json.put("type", "dynamic");
				json.put("maxRowsPerSegment", dynamic.maxRowsPerSegment());
				json.put("maxTotalRows", dynamic.maxTotalRows());
			}
			case Hashed hashed -> {
				json.put("type", "hashed");
				json.put("numShards", hashed.numShards() == 0 ? null : hashed.numShards());
				json.put("partitionDimensions", hashed.partitionDimensions());
				json.put("partitionFunction", hashed.partitionFunction());
				json.put("maxRowsPerSegment", hashed.targetRowsPerSegment() == 0 ? null : hashed.targetRowsPerSegment());
			}
		}
		return json;
	}

}
