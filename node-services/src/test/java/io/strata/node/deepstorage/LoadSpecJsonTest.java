package io.strata.node.deepstorage;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadSpecJsonTest {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	@Test
	void writesDruidsLocalShape() {
		JsonNode json = LoadSpecJson.write(new LoadSpec.Local("/var/strata/usage/0/segment.strata"));

		assertThat(this.mapper.writeValueAsString(json))
			.isEqualTo("{\"type\":\"local\",\"path\":\"/var/strata/usage/0/segment.strata\"}");
	}

	@Test
	void writesDruidsS3Shape() {
		JsonNode json = LoadSpecJson.write(new LoadSpec.S3("bucket-1", "segments/usage/0/segment.strata"));

		assertThat(this.mapper.writeValueAsString(json))
			.isEqualTo("{\"type\":\"s3_zip\",\"bucket\":\"bucket-1\",\"key\":\"segments/usage/0/segment.strata\"}");
	}

	@Test
	void readsWhatItWrites() {
		LoadSpec local = new LoadSpec.Local("/a/b");
		LoadSpec s3 = new LoadSpec.S3("b", "k/e/y");

		assertThat(LoadSpecJson.read(LoadSpecJson.write(local))).isEqualTo(local);
		assertThat(LoadSpecJson.read(LoadSpecJson.write(s3))).isEqualTo(s3);
	}

	@Test
	void readsDruidsS3SpecAndIgnoresItsSchema() {
		LoadSpec spec = LoadSpecJson.read(
				json("{\"type\":\"s3_zip\",\"bucket\":\"druid\",\"key\":\"wiki/index.zip\",\"S3Schema\":\"s3n\"}"));

		assertThat(spec).isEqualTo(new LoadSpec.S3("druid", "wiki/index.zip"));
	}

	@Test
	void unknownTypeNamesTheField() {
		assertThatThrownBy(() -> LoadSpecJson.read(json("{\"type\":\"hdfs\",\"path\":\"/x\"}")))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_SPEC))
			.hasMessageContaining("loadSpec.type")
			.hasMessageContaining("hdfs");
	}

	@Test
	void missingOrWrongFieldsNameTheField() {
		assertThatThrownBy(() -> LoadSpecJson.read(json("{\"path\":\"/x\"}"))).isInstanceOf(StrataException.class)
			.hasMessageContaining("loadSpec.type");
		assertThatThrownBy(() -> LoadSpecJson.read(json("{\"type\":\"s3_zip\",\"bucket\":\"b\"}")))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("loadSpec.key");
		assertThatThrownBy(() -> LoadSpecJson.read(json("{\"type\":\"local\",\"path\":7}")))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("loadSpec.path");
		assertThatThrownBy(() -> LoadSpecJson.read(json("{\"type\":\"local\",\"path\":\"\"}")))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("loadSpec.path");
		assertThatThrownBy(() -> LoadSpecJson.read(json("\"local\""))).isInstanceOf(StrataException.class)
			.hasMessageContaining("loadSpec");
	}

	private JsonNode json(String text) {
		return this.mapper.readTree(text);
	}

}
