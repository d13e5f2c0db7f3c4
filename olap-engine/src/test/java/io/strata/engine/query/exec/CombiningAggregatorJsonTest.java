package io.strata.engine.query.exec;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.AggregatorSpecJson;
import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.aggregation.FirstLastAggregatorSpec;
import io.strata.engine.aggregation.HllSketchAggregatorSpec;
import io.strata.engine.aggregation.HyperUniqueAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregation;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.aggregation.QuantilesSketchAggregatorSpec;
import io.strata.engine.aggregation.ThetaSketchAggregatorSpec;
import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The aggregators segmentMetadata reports are Druid's combining factories of the ingested ones,
 * written as Druid's Jackson writes them. Each expected string is worked out from Druid's
 * factories: {@code getCombiningFactory()} (count to longSum; each reads the metric column by
 * name; theta and hyperUnique with their input flag false; quantiles as its Merge type with the
 * default maxStreamLength) and the include rules of their getters (HLL writes stringEncoding only
 * when not utf16le and round only when true; theta always writes shouldFinalize and a null
 * errorBoundsStdDev).
 */
class CombiningAggregatorJsonTest {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Test
	void countAndNumericAggregatorsReadTheirOwnColumn() {
		assertThat(json(new CountAggregatorSpec("rows")))
			.isEqualTo("{\"type\":\"longSum\",\"name\":\"rows\",\"fieldName\":\"rows\"}");
		assertThat(json(new NumericAggregatorSpec(NumericAggregation.LONG_SUM, "bytes", "size")))
			.isEqualTo("{\"type\":\"longSum\",\"name\":\"bytes\",\"fieldName\":\"bytes\"}");
		assertThat(json(new NumericAggregatorSpec(NumericAggregation.DOUBLE_MIN, "low", "price")))
			.isEqualTo("{\"type\":\"doubleMin\",\"name\":\"low\",\"fieldName\":\"low\"}");
		assertThat(json(new NumericAggregatorSpec(NumericAggregation.FLOAT_MAX, "high", "price")))
			.isEqualTo("{\"type\":\"floatMax\",\"name\":\"high\",\"fieldName\":\"high\"}");
	}

	@Test
	void sketchesBecomeTheirMergeForms() {
		assertThat(json(new HllSketchAggregatorSpec("users", "user", 12, "HLL_4", false, false, "utf16le")))
			.isEqualTo("{\"type\":\"HLLSketchMerge\",\"name\":\"users\",\"fieldName\":\"users\",\"lgK\":12,"
					+ "\"tgtHllType\":\"HLL_4\"}");
		assertThat(json(new HllSketchAggregatorSpec("users", "user", 14, "HLL_8", true, true, "utf8")))
			.isEqualTo("{\"type\":\"HLLSketchMerge\",\"name\":\"users\",\"fieldName\":\"users\",\"lgK\":14,"
					+ "\"tgtHllType\":\"HLL_8\",\"stringEncoding\":\"utf8\",\"round\":true}");
		assertThat(json(new ThetaSketchAggregatorSpec("accounts", "account", 4096, true)))
			.isEqualTo("{\"type\":\"thetaSketch\",\"name\":\"accounts\",\"fieldName\":\"accounts\",\"size\":4096,"
					+ "\"shouldFinalize\":true,\"isInputThetaSketch\":false,\"errorBoundsStdDev\":null}");
		assertThat(json(new QuantilesSketchAggregatorSpec("latencies", "latency", 64)))
			.isEqualTo("{\"type\":\"quantilesDoublesSketchMerge\",\"name\":\"latencies\",\"fieldName\":\"latencies\","
					+ "\"k\":64,\"maxStreamLength\":1000000000}");
		assertThat(json(new HyperUniqueAggregatorSpec("visitors", "visitor", false, true)))
			.isEqualTo("{\"type\":\"hyperUnique\",\"name\":\"visitors\",\"fieldName\":\"visitors\","
					+ "\"isInputHyperUnique\":false,\"round\":true}");
	}

	/**
	 * Clients query with the reported aggregators: each reads back, over the metric column itself,
	 * and combining it again changes nothing (Druid's combining factories are idempotent too).
	 */
	@Test
	void reportedAggregatorsReadBackAndCombineToThemselves() {
		List<AggregatorSpec> stored = List.of(new CountAggregatorSpec("rows"),
				new NumericAggregatorSpec(NumericAggregation.DOUBLE_SUM, "revenue", "price"),
				new HllSketchAggregatorSpec("users", "user", 12, "HLL_6", true, false, "utf8"),
				new ThetaSketchAggregatorSpec("accounts", "account", 4096, false),
				new QuantilesSketchAggregatorSpec("latencies", "latency", 256),
				new HyperUniqueAggregatorSpec("visitors", "visitor", false, false));
		for (AggregatorSpec spec : stored) {
			String reported = json(spec);
			AggregatorSpec read = AggregatorSpecJson.read(SpecNode.root(MAPPER.readTree(reported), "aggregator"));
			assertThat(read.name()).as(reported).isEqualTo(spec.name());
			assertThat(read.inputFields()).as(reported).containsExactly(spec.name());
			assertThat(json(read)).as(reported).isEqualTo(reported);
		}
	}

	@Test
	void queryOnlyAggregatorsAreNeverStored() {
		assertThatThrownBy(() -> CombiningAggregatorJson
			.write(FirstLastAggregatorSpec.fromTypeName("longFirst", "first", "latency", "__time")))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("first");
	}

	private static String json(AggregatorSpec spec) {
		return MAPPER.writeValueAsString(CombiningAggregatorJson.write(spec));
	}

}
