package io.strata.engine.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.DimensionsSpec;
import io.strata.engine.ingest.GranularitySpec;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.ingest.IndexReader;
import io.strata.engine.input.TimestampFormat;
import io.strata.engine.input.TimestampSpec;
import io.strata.engine.input.InputRow;
import io.strata.engine.time.Granularity;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.quantiles.QuantilesDoublesSketch;
import org.apache.datasketches.theta.ThetaSketch;
import org.junit.jupiter.api.Test;

class SketchCodecTest {

	private static final HllSketchAggregatorSpec HLL = new HllSketchAggregatorSpec("u", "user", 12, "HLL_4", false, false);

	private static final HllSketchAggregatorSpec HLL_MERGE = new HllSketchAggregatorSpec("u", "sketch", 12, "HLL_4",
			false, true);

	private static final ThetaSketchAggregatorSpec THETA = new ThetaSketchAggregatorSpec("t", "user", 4096, false);

	private static final ThetaSketchAggregatorSpec THETA_MERGE = new ThetaSketchAggregatorSpec("t", "sketch", 4096,
			true);

	private static final QuantilesSketchAggregatorSpec QUANTILES = new QuantilesSketchAggregatorSpec("q", "latency", 64);

	@Test
	void buildCombineAndSerializeEachSketch() {
		for (AggregatorSpec spec : List.of(HLL, THETA)) {
			SketchCodec codec = new SketchCodec(spec);
			Object left = codec.newSketch();
			Object right = codec.newSketch();
			for (int i = 0; i < 3_000; i++) {
				left = codec.update(left, "user" + i);
				right = codec.update(right, i % 2 == 0 ? (Object) ("user" + (i + 3_000)) : (Object) (long) i);
			}
			left = codec.update(left, List.of("a", "b", "a"));
			Object union = codec.combine(left, right);
			assertThat(codec.estimate(union)).as(spec.typeName()).isCloseTo(6_002, org.assertj.core.data.Percentage.withPercentage(3));
			Object reread = codec.deserialize(codec.serialize(union));
			assertThat(codec.estimate(reread)).isEqualTo(codec.estimate(union));
			assertThat(codec.serialize(reread)).isEqualTo(codec.serialize(union));
			assertThat(codec.combine(null, right)).isSameAs(right);
			assertThat(codec.combine(left, null)).isSameAs(left);
			assertThat(codec.update(left, null)).isSameAs(left);
		}
		SketchCodec quantiles = new SketchCodec(QUANTILES);
		Object sketch = quantiles.newSketch();
		for (int i = 1; i <= 1_000; i++) {
			sketch = quantiles.update(sketch, quantiles.prepareInput(i % 3 == 0 ? (Object) Integer.toString(i) : (Object) (long) i));
		}
		Object other = quantiles.update(quantiles.newSketch(), 5_000.0);
		QuantilesDoublesSketch union = (QuantilesDoublesSketch) quantiles.combine(sketch, other);
		assertThat(union.getN()).isEqualTo(1_001);
		assertThat(union.getMaxItem()).isEqualTo(5_000.0);
		assertThat(union.getMinItem()).isEqualTo(1.0);
		assertThat(quantiles.estimate(quantiles.deserialize(quantiles.serialize(union)))).isEqualTo(1_001.0);
	}

	@Test
	void mergeAggregatorsTakeSketchesAsBytesOrBase64() {
		SketchCodec build = new SketchCodec(HLL);
		Object a = build.update(build.update(build.newSketch(), "x"), "y");
		Object b = build.update(build.newSketch(), "z");
		SketchCodec merge = new SketchCodec(HLL_MERGE);
		Object merged = merge.newSketch();
		merged = merge.update(merged, merge.prepareInput(build.serialize(a)));
		merged = merge.update(merged, merge.prepareInput(Base64.getEncoder().encodeToString(build.serialize(b))));
		assertThat(((HllSketch) merged).getEstimate()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.01));

		SketchCodec theta = new SketchCodec(THETA);
		SketchCodec thetaMerge = new SketchCodec(THETA_MERGE);
		Object t = thetaMerge.update(thetaMerge.newSketch(),
				thetaMerge.prepareInput(theta.serialize(theta.update(theta.newSketch(), "x"))));
		assertThat(((ThetaSketch) t).getEstimate()).isEqualTo(1.0);
	}

	@Test
	void inputsThatAreNotSketchesOrNumbersAreIllegalArguments() {
		SketchCodec merge = new SketchCodec(HLL_MERGE);
		assertThatThrownBy(() -> merge.prepareInput("not base64 at all!")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> merge.prepareInput(42L)).isInstanceOf(IllegalArgumentException.class);
		// valid Base64 of bytes that are no sketch: DataSketches' own exception must not escape
		assertThatThrownBy(() -> merge.prepareInput("AAAAAAAA")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> merge.prepareInput(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }))
			.isInstanceOf(IllegalArgumentException.class);
		SketchCodec thetaMerge = new SketchCodec(THETA_MERGE);
		assertThatThrownBy(() -> thetaMerge.prepareInput(new byte[] { 3, 3, 3, 3, 3, 3, 3, 3 }))
			.isInstanceOf(IllegalArgumentException.class);
		SketchCodec quantiles = new SketchCodec(QUANTILES);
		assertThatThrownBy(() -> quantiles.prepareInput("fast")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> quantiles.prepareInput(true)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SketchCodec(new CountAggregatorSpec("c"))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aPoisonSketchRejectsItsRowInsteadOfFailingIngestion() {
		DataSchema schema = new DataSchema("d", TimestampSpec.of("t", TimestampFormat.MILLIS),
				DimensionsSpec.explicit(List.of()), List.of(HLL_MERGE),
				new GranularitySpec(Granularity.all(), Granularity.all(), true, List.of()));
		IncrementalIndex index = new IncrementalIndex(schema);
		assertThatThrownBy(() -> index.add(new InputRow(1, Map.of("sketch", "AAAAAAAA"))))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.UNPARSEABLE_ROW))
			.hasMessageContaining("field[sketch]");
		SketchCodec build = new SketchCodec(HLL);
		index.add(new InputRow(2, Map.of("sketch", build.serialize(build.update(build.newSketch(), "x")))));
		try (IndexReader reader = index.openReader()) {
			assertThat(reader.ingestedRows()).isEqualTo(1);
			assertThat(reader.metricDouble(0, 0)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
		}
	}

	@Test
	void specsValidateTheirParameters() {
		assertThatThrownBy(() -> new HllSketchAggregatorSpec("u", "f", 3, "HLL_4", false, false))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new HllSketchAggregatorSpec("u", "f", 22, "HLL_4", false, false))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ThetaSketchAggregatorSpec("t", "f", 8, false)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new QuantilesSketchAggregatorSpec("q", "f", 65536)).isInstanceOf(IllegalArgumentException.class);
		assertThat(new HllSketchAggregatorSpec("u", "f", 21, "HLL_8", true, true).typeName()).isEqualTo("HLLSketchMerge");
	}

}
