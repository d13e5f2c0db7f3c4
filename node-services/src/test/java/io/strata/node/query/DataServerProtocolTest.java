package io.strata.node.query;

import java.util.List;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.query.exec.IntermediateResults;
import io.strata.engine.time.Interval;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataServerProtocolTest {

	private static final String QUERY = "{\"queryType\":\"timeseries\",\"dataSource\":\"wikipedia\","
			+ "\"intervals\":[\"2024-01-01/2024-01-03\"],\"granularity\":\"all\","
			+ "\"aggregations\":[{\"type\":\"count\",\"name\":\"rows\"}],\"context\":{\"queryId\":\"q1\",\"priority\":5}}";

	private static final SegmentDescriptor FIRST = new SegmentDescriptor(
			Interval.parse("2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z"), "v1", 0);

	private static final SegmentDescriptor SECOND = new SegmentDescriptor(
			Interval.parse("2024-01-02T00:00:00.000Z/2024-01-02T12:00:00.000Z"), "v2", 3);

	private final DataServerProtocol protocol = new DataServerProtocol();

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void aSegmentQueryNamesItsSegmentsInDruidsShape() {
		ObjectNode query = this.protocol.parseQuery(QUERY);

		JsonNode scoped = this.mapper.readTree(this.protocol.segmentQuery(query, List.of(FIRST, SECOND)));

		assertThat(scoped.get("intervals").toString()).isEqualTo("{\"type\":\"segments\",\"segments\":["
				+ "{\"itvl\":\"2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z\",\"ver\":\"v1\",\"part\":0},"
				+ "{\"itvl\":\"2024-01-02T00:00:00.000Z/2024-01-02T12:00:00.000Z\",\"ver\":\"v2\",\"part\":3}]}");
		assertThat(scoped.get("context").toString()).isEqualTo(
				"{\"queryId\":\"q1\",\"priority\":5,\"bySegment\":true,\"" + IntermediateResults.PARTIAL + "\":true}");
		assertThat(scoped.get("aggregations")).isEqualTo(query.get("aggregations"));
		// the broker's own copy is untouched
		assertThat(query.toString()).isEqualTo(this.mapper.readTree(QUERY).toString());
	}

	@Test
	void aQueryWithoutContextGetsOne() {
		ObjectNode query = this.protocol.parseQuery("{\"queryType\":\"scan\",\"dataSource\":\"w\"}");

		JsonNode scoped = this.mapper.readTree(this.protocol.segmentQuery(query, List.of(FIRST)));

		assertThat(scoped.path("context").path("bySegment").asBoolean()).isTrue();
		assertThat(scoped.path("context").path(IntermediateResults.PARTIAL).asBoolean()).isTrue();
	}

	@Test
	void theDataServerReadsTheSegmentsBack() {
		ObjectNode scoped = this.protocol
			.parseQuery(this.protocol.segmentQuery(this.protocol.parseQuery(QUERY), List.of(FIRST, SECOND)));

		assertThat(this.protocol.scopedSegments(scoped)).containsExactly(FIRST, SECOND);
		assertThat(this.protocol.bySegment(scoped)).isTrue();
	}

	@Test
	void plainIntervalsAreNoSegmentScope() {
		ObjectNode query = this.protocol.parseQuery(QUERY);

		assertThat(this.protocol.scopedSegments(query)).isNull();
		assertThat(this.protocol.scopedSegments(this.protocol
			.parseQuery("{\"intervals\":{\"type\":\"intervals\",\"intervals\":[\"2024-01-01/2024-01-02\"]}}"))).isNull();
		assertThat(this.protocol.bySegment(query)).isFalse();
	}

	@Test
	void aPartMissingFromADescriptorIsPartitionZero() {
		ObjectNode query = this.protocol.parseQuery("{\"intervals\":{\"type\":\"segments\",\"segments\":"
				+ "[{\"itvl\":\"2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z\",\"ver\":\"v1\"}]}}");

		assertThat(this.protocol.scopedSegments(query)).containsExactly(FIRST);
	}

	@Test
	void badSegmentScopesNameTheField() {
		assertThatThrownBy(() -> this.protocol
			.scopedSegments(this.protocol.parseQuery("{\"intervals\":{\"type\":\"segments\",\"segments\":{}}}")))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_SPEC))
			.hasMessageContaining("intervals.segments");
		assertThatThrownBy(() -> this.protocol.scopedSegments(this.protocol
			.parseQuery("{\"intervals\":{\"type\":\"segments\",\"segments\":[{\"itvl\":\"2024-01-01/P1D\"}]}}")))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("intervals.segments");
	}

	@Test
	void bySegmentAcceptsABooleanOrItsString() {
		assertThat(this.protocol.bySegment(this.protocol.parseQuery("{\"context\":{\"bySegment\":\"true\"}}")))
			.isTrue();
		assertThat(this.protocol.bySegment(this.protocol.parseQuery("{\"context\":{\"bySegment\":false}}")))
			.isFalse();
	}

	@Test
	void theQueryOneSegmentRunsHasThatSegmentsIntervalAndNoBySegment() {
		ObjectNode scoped = this.protocol
			.parseQuery(this.protocol.segmentQuery(this.protocol.parseQuery(QUERY), List.of(FIRST, SECOND)));

		JsonNode single = this.mapper.readTree(this.protocol.perSegmentQuery(scoped, SECOND));

		assertThat(single.get("intervals").toString())
			.isEqualTo("[\"2024-01-02T00:00:00.000Z/2024-01-02T12:00:00.000Z\"]");
		assertThat(single.get("context").has("bySegment")).isFalse();
		assertThat(single.path("context").path(IntermediateResults.PARTIAL).asBoolean()).isTrue();
		assertThat(single.path("context").path("queryId").asString()).isEqualTo("q1");
		assertThat(this.protocol.scopedSegments(scoped)).containsExactly(FIRST, SECOND);
	}

	@Test
	void aBySegmentAnswerIsWrittenInDruidsShapeAndReadBack() {
		StringBuilder out = new StringBuilder("[");
		this.protocol.appendResult(out, "wikipedia_a_v1", FIRST, "[{\"rows\":3}]");
		this.protocol.appendResult(out, "wikipedia_b_v2_3", SECOND, "[]");
		out.append(']');

		assertThat(this.mapper.readTree(out.toString()).get(0).toString())
			.isEqualTo("{\"timestamp\":\"2024-01-01T00:00:00.000Z\",\"result\":{\"results\":[{\"rows\":3}],"
					+ "\"segment\":\"wikipedia_a_v1\",\"interval\":\"2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z\"}}");
		assertThat(this.protocol.readBySegment(out.toString())).containsExactly(
				new DataServerProtocol.SegmentResult("wikipedia_a_v1", FIRST.interval().toString(), "[{\"rows\":3}]"),
				new DataServerProtocol.SegmentResult("wikipedia_b_v2_3", SECOND.interval().toString(), "[]"));
	}

	@Test
	void anEmptyAnswerHasNoResults() {
		StringBuilder out = new StringBuilder("[");
		out.append(']');

		assertThat(this.protocol.readBySegment(out.toString())).isEmpty();
	}

	@Test
	void aSegmentIdNeedingEscapesSurvives() {
		StringBuilder out = new StringBuilder("[");
		this.protocol.appendResult(out, "odd \"name\"\\x", FIRST, "[]");
		out.append(']');

		assertThat(this.protocol.readBySegment(out.toString())).extracting(DataServerProtocol.SegmentResult::segmentId)
			.containsExactly("odd \"name\"\\x");
	}

	@Test
	void aBrokenAnswerIsAnError() {
		assertThatThrownBy(() -> this.protocol.readBySegment("[{")).isInstanceOf(StrataException.class)
			.hasMessageContaining("not valid JSON");
		assertThatThrownBy(() -> this.protocol.readBySegment("{\"error\":\"x\"}")).isInstanceOf(StrataException.class)
			.hasMessageContaining("not a by-segment array");
	}

	@Test
	void missingSegmentsTravelInTheResponseContextHeader() {
		String header = this.protocol.missingSegmentsHeader(List.of(FIRST, SECOND));

		assertThat(header).isEqualTo("{\"missingSegments\":["
				+ "{\"itvl\":\"2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z\",\"ver\":\"v1\",\"part\":0},"
				+ "{\"itvl\":\"2024-01-02T00:00:00.000Z/2024-01-02T12:00:00.000Z\",\"ver\":\"v2\",\"part\":3}]}");
		assertThat(this.protocol.readMissingSegments(header)).containsExactly(FIRST, SECOND);
		assertThat(DataServerProtocol.RESPONSE_CONTEXT_HEADER).isEqualTo("X-Druid-Response-Context");
	}

	@Test
	void noHeaderMeansNothingMissing() {
		assertThat(this.protocol.readMissingSegments(null)).isEmpty();
		assertThat(this.protocol.readMissingSegments(" ")).isEmpty();
		assertThat(this.protocol.readMissingSegments(this.protocol.missingSegmentsHeader(List.of()))).isEmpty();
		assertThat(this.protocol.readMissingSegments("{\"uncoveredIntervalsOverflowed\":false}")).isEmpty();
	}

	@Test
	void aBrokenHeaderIsAnInvalidSpec() {
		assertThatThrownBy(() -> this.protocol.readMissingSegments("{\"missingSegments\":["))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_SPEC))
			.hasMessageContaining(DataServerProtocol.RESPONSE_CONTEXT_HEADER);
		assertThatThrownBy(() -> this.protocol.readMissingSegments("{\"missingSegments\":{}}"))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("missingSegments");
	}

	@Test
	void aQueryBodyMustBeAJsonObject() {
		assertThatThrownBy(() -> this.protocol.parseQuery("[1]")).isInstanceOf(StrataException.class)
			.hasMessageContaining("JSON object");
		assertThatThrownBy(() -> this.protocol.parseQuery("{\"queryType\":")).isInstanceOf(StrataException.class)
			.hasMessageContaining("not valid JSON");
	}

}
