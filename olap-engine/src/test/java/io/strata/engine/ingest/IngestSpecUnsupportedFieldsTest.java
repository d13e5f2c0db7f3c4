package io.strata.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.input.JsonInputFormatSpec;
import io.strata.engine.json.SpecNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Druid spec fields that would change what is ingested, but are not built, are refused with an
 * error naming the field rather than silently ignored; their empty forms are accepted.
 */
class IngestSpecUnsupportedFieldsTest {

	private static final String BASE = "\"dataSource\":\"d\",\"timestampSpec\":{}";

	private final IngestSpecJson json = new IngestSpecJson();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"parser|`\"parser\":{\"type\":\"string\",\"parseSpec\":{\"format\":\"json\"}}`|dataSchema.parser",
			"spatial dimensions|`\"dimensionsSpec\":{\"dimensions\":[\"a\"],\"spatialDimensions\":[{\"dimName\":\"coords\",\"dims\":[\"x\",\"y\"]}]}`|dataSchema.dimensionsSpec.spatialDimensions",
			"not sorted by time|`\"dimensionsSpec\":{\"dimensions\":[\"a\"],\"forceSegmentSortByTime\":false}`|dataSchema.dimensionsSpec.forceSegmentSortByTime",
			"not sorted by time, as text|`\"dimensionsSpec\":{\"forceSegmentSortByTime\":\"false\"}`|dataSchema.dimensionsSpec.forceSegmentSortByTime" })
	void unsupportedDataSchemaFieldsNameTheirPath(String title, String field, String path) {
		String spec = "{" + BASE + "," + field + "}";
		assertThatThrownBy(() -> this.json.readDataSchema(spec)).as(spec)
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_SPEC))
			.hasMessageContaining("field[" + path + "]");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "\"transformSpec\":{\"transforms\":[]}", "\"transformSpec\":{}",
			"\"transformSpec\":{\"transforms\":[],\"filter\":null}",
			"\"dimensionsSpec\":{\"dimensions\":[\"a\"],\"spatialDimensions\":[]}",
			"\"dimensionsSpec\":{\"dimensions\":[\"a\"],\"forceSegmentSortByTime\":true}",
			"\"transformSpec\":null,\"parser\":null" })
	void emptyFormsAreAccepted(String field) {
		String spec = "{" + BASE + "," + field + "}";
		DataSchema schema = this.json.readDataSchema(spec);
		assertThat(schema.dataSource()).isEqualTo("d");
		assertThat(schema.transformSpec()).isEqualTo(TransformSpec.NONE);
	}

	@Test
	void aJsonFlattenSpecIsRefused() {
		JsonMapper mapper = JsonMapper.builder().build();
		String flatten = "{\"type\":\"json\",\"flattenSpec\":{\"useFieldDiscovery\":true,"
				+ "\"fields\":[{\"type\":\"path\",\"name\":\"x\",\"expr\":\"$.a.b\"}]}}";
		assertThatThrownBy(() -> this.json.readInputFormat(SpecNode.root(mapper.readTree(flatten), "ioConfig.inputFormat")))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_SPEC))
			.hasMessageContaining("field[ioConfig.inputFormat.flattenSpec]");
		assertThat(this.json.readInputFormat(SpecNode.root(mapper.readTree("{\"type\":\"json\",\"flattenSpec\":null}"),
				"ioConfig.inputFormat")))
			.isEqualTo(new JsonInputFormatSpec());
	}

}
