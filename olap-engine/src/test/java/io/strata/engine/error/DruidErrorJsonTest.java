package io.strata.engine.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The two shapes of Druid's error JSON, key for key and in Druid's key order. */
class DruidErrorJsonTest {

	private final DruidErrorJson errors = new DruidErrorJson();

	@Test
	void anErrorOfTheRequestTakesTheModernShape() {
		String json = this.errors.render(StrataException.invalidInput("Column[nope] not found in dataSource[usage]"),
				"broker:8082");
		assertThat(json).isEqualTo("{\"error\":\"druidException\",\"errorCode\":\"invalidInput\",\"persona\":\"USER\","
				+ "\"category\":\"INVALID_INPUT\",\"errorMessage\":\"Column[nope] not found in dataSource[usage]\","
				+ "\"context\":{}}");
	}

	@Test
	void aQueryExceptionTakesTheLegacyWrappedShape() {
		String json = this.errors.render(StrataException.timeout("Query[q1] did not finish within its timeout[5 ms]"),
				"historical:8083");
		String errorClass = StrataException.class.getName();
		assertThat(json).isEqualTo("{\"error\":\"Query timeout\",\"errorClass\":\"" + errorClass + "\","
				+ "\"host\":\"historical:8083\",\"errorCode\":\"legacyQueryException\",\"persona\":\"OPERATOR\","
				+ "\"category\":\"TIMEOUT\",\"errorMessage\":\"Query[q1] did not finish within its timeout[5 ms]\","
				+ "\"context\":{\"host\":\"historical:8083\",\"errorClass\":\"" + errorClass + "\","
				+ "\"legacyErrorCode\":\"Query timeout\"}}");
	}

	@Test
	void resourceLimitsCapacityAndUnexpectedFailuresAreQueryExceptionsToo() {
		assertThat(this.errors.render(StrataException.resourceLimit("too many groups"), null))
			.contains("\"error\":\"Resource limit exceeded\"", "\"category\":\"CAPACITY_EXCEEDED\"",
					"\"errorCode\":\"legacyQueryException\"");
		StrataException unexpected = this.errors.wrapUnexpected(new IllegalStateException("boom"));
		assertThat(unexpected.errorCode()).isEqualTo(ErrorCode.UNKNOWN);
		assertThat(this.errors.render(unexpected, null)).contains("\"error\":\"Unknown exception\"",
				"\"category\":\"UNCATEGORIZED\"", "\"errorMessage\":\"boom\"");
		assertThat(this.errors.render(StrataException.unsupported("filter type[javascript] is not supported"), null))
			.contains("\"error\":\"druidException\"", "\"category\":\"UNSUPPORTED\"");
	}

}
