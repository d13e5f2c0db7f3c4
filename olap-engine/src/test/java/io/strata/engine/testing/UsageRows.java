package io.strata.engine.testing;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.aggregation.HllSketchAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregation;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.aggregation.QuantilesSketchAggregatorSpec;
import io.strata.engine.aggregation.ThetaSketchAggregatorSpec;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.DimensionSchema;
import io.strata.engine.ingest.DimensionsSpec;
import io.strata.engine.ingest.GranularitySpec;
import io.strata.engine.input.TimestampFormat;
import io.strata.engine.input.TimestampSpec;
import io.strata.engine.type.ColumnType;
import io.strata.engine.time.Granularity;
import io.strata.sample.UsageDataConfig;
import io.strata.sample.UsageEvent;
import io.strata.sample.UsageEventGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The usage datasource of the storage tests: its schema and deterministic rows from the sample generator. */
public final class UsageRows {

	public static final List<String> DIMENSIONS = List.of("accountId", "apiName", "statusCode", "bundles", "region",
			"plan");

	public static final List<AggregatorSpec> METRICS = List.of(new CountAggregatorSpec("count"),
			new NumericAggregatorSpec(NumericAggregation.LONG_SUM, "latencySum", "latencyMs"),
			new NumericAggregatorSpec(NumericAggregation.DOUBLE_SUM, "bytesSum", "bytes"),
			new NumericAggregatorSpec(NumericAggregation.FLOAT_MAX, "bytesMax", "bytes"),
			new NumericAggregatorSpec(NumericAggregation.LONG_MIN, "latencyMin", "latencyMs"),
			new HllSketchAggregatorSpec("users", "userId", HllSketchAggregatorSpec.DEFAULT_LG_K,
					HllSketchAggregatorSpec.DEFAULT_TGT_HLL_TYPE, false, false),
			new ThetaSketchAggregatorSpec("usersTheta", "userId", ThetaSketchAggregatorSpec.DEFAULT_SIZE, false),
			new QuantilesSketchAggregatorSpec("latencyQuantiles", "latencyMs", QuantilesSketchAggregatorSpec.DEFAULT_K));

	/** One day of traffic from few accounts, so that rows roll up at minute granularity. */
	public static final UsageDataConfig DENSE_DAY = new UsageDataConfig(7, Instant.parse("2026-10-01T00:00:00Z"), 1,
			150_000, 3, 2, 2, 1.1);

	private UsageRows() {
	}

	public static DataSchema schema(boolean rollup, Granularity queryGranularity, Granularity segmentGranularity) {
		List<DimensionSchema> dimensions = List.of(DimensionSchema.string("accountId"), DimensionSchema.string("apiName"),
				DimensionSchema.of("statusCode", ColumnType.LONG), DimensionSchema.string("bundles"),
				DimensionSchema.string("region"), DimensionSchema.string("plan"));
		return new DataSchema("usage", TimestampSpec.of("timestamp", TimestampFormat.AUTO),
				DimensionsSpec.explicit(dimensions), METRICS,
				new GranularitySpec(segmentGranularity, queryGranularity, rollup, List.of()));
	}

	/** The events of {@code config}; every 97th has no region and every 89th no latency. */
	public static List<UsageRow> generate(UsageDataConfig config) {
		List<UsageRow> rows = new ArrayList<>((int) config.events());
		UsageEventGenerator generator = new UsageEventGenerator(config);
		long i = 0;
		while (generator.hasNext()) {
			UsageEvent event = generator.next();
			rows.add(new UsageRow(event.timestampMillis(), event.accountId(), event.apiName(), event.statusCode(),
					event.bundles(), i % 97 == 5 ? null : event.region(), event.plan(), event.userId(),
					i % 89 == 3 ? null : event.latencyMs(), event.bytes()));
			i++;
		}
		return rows;
	}

}
