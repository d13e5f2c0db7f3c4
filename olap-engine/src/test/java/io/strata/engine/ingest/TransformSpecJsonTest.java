package io.strata.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.engine.error.StrataException;
import io.strata.engine.expr.ExprParser;
import io.strata.engine.query.filter.AndFilter;
import io.strata.engine.query.filter.BoundFilter;
import io.strata.engine.query.filter.SelectorFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** The dataSchema's {@code transformSpec} read from Druid's JSON, written back, and its errors. */
class TransformSpecJsonTest {

	private static final String SCHEMA = """
			{"dataSource": "usage", "timestampSpec": {"column": "ts", "format": "millis"},
			 "transformSpec": {
			   "transforms": [
			     {"type": "expression", "name": "apiUpper", "expression": "upper(apiName)"},
			     {"type": "expression", "name": "__time", "expression": "timestamp_floor(__time, 'PT1H')"}
			   ],
			   "filter": {"type": "and", "fields": [
			     {"type": "equals", "column": "statusCode", "matchValueType": "STRING", "matchValue": "500"},
			     {"type": "range", "column": "latencyMs", "matchValueType": "LONG", "lower": 10}]}
			 }}""";

	private final IngestSpecJson json = new IngestSpecJson();

	@Test
	void readsTransformsAndTheFilter() {
		TransformSpec spec = this.json.readDataSchema(SCHEMA).transformSpec();
		assertThat(spec.transforms()).containsExactly(
				new ExpressionTransform("apiUpper", "upper(apiName)", ExprParser.parse("upper(apiName)")),
				new ExpressionTransform("__time", "timestamp_floor(__time, 'PT1H')",
						ExprParser.parse("timestamp_floor(__time, 'PT1H')")));
		assertThat(spec.filter().dimFilter()).isEqualTo(new AndFilter(List.of(new SelectorFilter("statusCode", "500"),
				new BoundFilter("latencyMs", "10", null, false, false, true))));
	}

	@Test
	void writesBackWhatItReadsWithTheFilterAsWritten() {
		DataSchema schema = this.json.readDataSchema(SCHEMA);
		JsonNode written = this.json.writeDataSchema(schema);
		assertThat(written.at("/transformSpec/transforms/1/name").asString()).isEqualTo("__time");
		assertThat(written.at("/transformSpec/transforms/0/type").asString()).isEqualTo("expression");
		// the filter keeps Druid's newer spelling rather than the selector and bound it is read as
		assertThat(written.at("/transformSpec/filter/fields/0/type").asString()).isEqualTo("equals");
		assertThat(written.at("/transformSpec/filter/fields/1/lower").asInt()).isEqualTo(10);
		DataSchema reread = this.json.readDataSchema(this.json.toJson(written));
		assertThat(reread).isEqualTo(schema);
		assertThat(this.json.toJson(this.json.writeDataSchema(reread))).isEqualTo(this.json.toJson(written));
	}

	@Test
	void aSchemaWithoutTransformSpecHasNone() {
		DataSchema schema = this.json.readDataSchema("{\"dataSource\":\"d\",\"timestampSpec\":{}}");
		assertThat(schema.transformSpec()).isEqualTo(TransformSpec.NONE);
		assertThat(schema.transformSpec().isEmpty()).isTrue();
		assertThat(this.json.readDataSchema(this.json.toJson(this.json.writeDataSchema(schema))).transformSpec())
			.isEqualTo(TransformSpec.NONE);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"bad expression|`{\"transforms\":[{\"type\":\"expression\",\"name\":\"x\",\"expression\":\"upper(\"}]}`|dataSchema.transformSpec.transforms[0].expression|not a valid expression",
			"unknown function|`{\"transforms\":[{\"type\":\"expression\",\"name\":\"x\",\"expression\":\"nope(a)\"}]}`|dataSchema.transformSpec.transforms[0].expression|nope",
			"missing expression|`{\"transforms\":[{\"type\":\"expression\",\"name\":\"x\"}]}`|dataSchema.transformSpec.transforms[0].expression|is required",
			"missing name|`{\"transforms\":[{\"type\":\"expression\",\"expression\":\"a\"}]}`|dataSchema.transformSpec.transforms[0].name|is required",
			"missing type|`{\"transforms\":[{\"name\":\"x\",\"expression\":\"a\"}]}`|dataSchema.transformSpec.transforms[0].type|is required",
			"unknown type|`{\"transforms\":[{\"type\":\"javascript\",\"name\":\"x\",\"expression\":\"a\"}]}`|dataSchema.transformSpec.transforms[0].type|javascript",
			"name twice|`{\"transforms\":[{\"type\":\"expression\",\"name\":\"x\",\"expression\":\"a\"},{\"type\":\"expression\",\"name\":\"x\",\"expression\":\"b\"}]}`|dataSchema.transformSpec.transforms[1].name|earlier transform",
			"transforms not a list|`{\"transforms\":{}}`|dataSchema.transformSpec.transforms|must be an array",
			"transform not an object|`{\"transforms\":[\"upper(a)\"]}`|dataSchema.transformSpec.transforms[0]|must be a JSON object",
			"unknown filter|`{\"filter\":{\"type\":\"sometimes\"}}`|dataSchema.transformSpec.filter.type|sometimes",
			"filter without dimension|`{\"filter\":{\"type\":\"selector\",\"value\":\"a\"}}`|dataSchema.transformSpec.filter.dimension|is required",
			"nested filter|`{\"filter\":{\"type\":\"not\",\"field\":{\"type\":\"in\",\"dimension\":\"a\"}}}`|dataSchema.transformSpec.filter.field.values|is required",
			"filter not an object|`{\"filter\":\"a = 1\"}`|dataSchema.transformSpec.filter|must be a JSON object",
			"spec not an object|`[]`|dataSchema.transformSpec|must be a JSON object" })
	void errorsNameTheField(String title, String transformSpec, String path, String problem) {
		String schema = "{\"dataSource\":\"d\",\"timestampSpec\":{},\"transformSpec\":" + transformSpec + "}";
		assertThatThrownBy(() -> this.json.readDataSchema(schema)).as(schema)
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("field[" + path + "]")
			.hasMessageContaining(problem);
	}

}
