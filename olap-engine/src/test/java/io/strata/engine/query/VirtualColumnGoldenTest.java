package io.strata.engine.query;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.testing.HandWrittenUsage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.strata.engine.testing.HandWrittenUsage.FIRST_ROW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Virtual columns, expression filters and expression post-aggregators in every query type, on the four
 * hand-written rows of {@link HandWrittenUsage}; each expected result is worked out by hand from the rows below.
 *
 * <pre>
 * time              api status bundles region latency bytes
 * 2026-01-01T00:10  a   200    [x, y]  us     10      1.5
 * 2026-01-01T00:50  b   404    []      null   20      2.5
 * 2026-01-01T01:05  a   200    [y]     eu     30      3.0
 * 2026-01-01T03:00  c   500    [x]     us     40      4.0
 * </pre>
 *
 * Over the day queried, timeseries and topN of granularity all are stamped, as in Druid, with the first
 * row's time (the segment clipped to its data), groupBy of granularity all with the query's start.
 */
class VirtualColumnGoldenTest {

	private static final String INTERVAL = "\"intervals\": [\"2026-01-01T00:00Z/2026-01-02T00:00Z\"]";

	@TempDir
	static Path directory;

	private static Segment segment;

	private final QueryRunner runner = new QueryRunner();

	@BeforeAll
	static void build() {
		segment = HandWrittenUsage.segment(directory);
	}

	@AfterAll
	static void close() {
		segment.close();
	}

	private String run(String query) {
		return this.runner.run(query, List.of(segment));
	}

	@Test
	void timeseriesAggregatesVirtualColumnsUnderAnExpressionFilter() {
		// latency * 2 summed: 20 + 40 + 60 + 80 = 200; bytes * latency: 15 + 50 + 90 + 160 = 315
		assertThat(run("""
				{"queryType": "timeseries", "dataSource": "usage", %s, "granularity": "all",
				 "virtualColumns": [{"type": "expression", "name": "double", "expression": "latency * 2", "outputType": "LONG"},
				                    {"type": "expression", "name": "product", "expression": "bytes * latency", "outputType": "DOUBLE"}],
				 "aggregations": [{"type": "longSum", "name": "double", "fieldName": "double"},
				                  {"type": "doubleSum", "name": "product", "fieldName": "product"}]}
				""".formatted(INTERVAL)))
			.isEqualTo("[{\"timestamp\":\"" + FIRST_ROW + "\",\"result\":{\"double\":200,\"product\":315.0}}]");
		// latency > 15 && api != 'c': rows 2 and 3, latency 20 + 30
		assertThat(run("""
				{"queryType": "timeseries", "dataSource": "usage", %s, "granularity": "all",
				 "filter": {"type": "expression", "expression": "latency > 15 && api != 'c'"},
				 "aggregations": [{"type": "count", "name": "rows"}, {"type": "longSum", "name": "latency", "fieldName": "latency"}]}
				""".formatted(INTERVAL)))
			.isEqualTo("[{\"timestamp\":\"" + FIRST_ROW + "\",\"result\":{\"rows\":2,\"latency\":50}}]");
	}

	@Test
	void anExpressionFilterIsUnknownOnNullSoNotLeavesThoseRowsOut() {
		// region == 'us' is null on row 2: not(...) matches row 3 (eu) only
		assertThat(run("""
				{"queryType": "timeseries", "dataSource": "usage", %s, "granularity": "all",
				 "filter": {"type": "not", "field": {"type": "expression", "expression": "region == 'us'"}},
				 "aggregations": [{"type": "count", "name": "rows"}, {"type": "longSum", "name": "latency", "fieldName": "latency"}]}
				""".formatted(INTERVAL)))
			.isEqualTo("[{\"timestamp\":\"" + FIRST_ROW + "\",\"result\":{\"rows\":1,\"latency\":30}}]");
		// a multi-value input matches when any value does: rows 1 and 4 hold x
		assertThat(run("""
				{"queryType": "timeseries", "dataSource": "usage", %s, "granularity": "all",
				 "filter": {"type": "expression", "expression": "bundles == 'x'"},
				 "aggregations": [{"type": "longSum", "name": "latency", "fieldName": "latency"}]}
				""".formatted(INTERVAL)))
			.isEqualTo("[{\"timestamp\":\"" + FIRST_ROW + "\",\"result\":{\"latency\":50}}]");
	}

	@Test
	void aggregatorsGivenAnExpressionInsteadOfAFieldName() {
		// latency 10, 20, 30, 40 and bytes 1.5, 2.5, 3.0, 4.0: sum(latency * 2) = 200, max(bytes + latency)
		// = 44.0; a filtered one over api a only (rows 1 and 3): sum(latency + 1) = 42
		assertThat(run("""
				{"queryType": "timeseries", "dataSource": "usage", %s, "granularity": "all",
				 "aggregations": [{"type": "longSum", "name": "double", "expression": "latency * 2"},
				   {"type": "doubleMax", "name": "most", "expression": "bytes + latency"},
				   {"type": "filtered", "filter": {"type": "selector", "dimension": "api", "value": "a"},
				    "aggregator": {"type": "longSum", "name": "aPlusOne", "expression": "latency + 1"}}]}
				""".formatted(INTERVAL)))
			.isEqualTo("[{\"timestamp\":\"" + FIRST_ROW + "\",\"result\":{\"double\":200,\"most\":44.0,"
					+ "\"aPlusOne\":42}}]");
		assertThat(new QueryRunner().answer("""
				{"queryType": "timeseries", "dataSource": "usage", %s, "granularity": "all",
				 "aggregations": [{"type": "longSum", "name": "x", "fieldName": "latency", "expression": "latency"}]}
				""".formatted(INTERVAL), List.of(segment), null).body()).contains("cannot be given with fieldName");
	}

	@Test
	void topNOnAStringVirtualColumn() {
		// a-200: rows 1 and 3 (latency 40); b-404: 20; c-500: 40; the tie goes to the smaller value
		assertThat(run("""
				{"queryType": "topN", "dataSource": "usage", %s, "granularity": "all",
				 "virtualColumns": [{"type": "expression", "name": "key", "expression": "concat(api, '-', status)", "outputType": "STRING"}],
				 "dimension": "key", "threshold": 2, "metric": "latency",
				 "aggregations": [{"type": "longSum", "name": "latency", "fieldName": "latency"}]}
				""".formatted(INTERVAL)))
			.isEqualTo("[{\"timestamp\":\"" + FIRST_ROW + "\",\"result\":[{\"key\":\"a-200\",\"latency\":40},"
					+ "{\"key\":\"c-500\",\"latency\":40}]}]");
	}

	@Test
	void groupByOnVirtualColumnsWithAFilterOnOne() {
		// the hour of each row: 0, 0, 1, 3
		assertThat(run("""
				{"queryType": "groupBy", "dataSource": "usage", %s, "granularity": "all",
				 "virtualColumns": [{"type": "expression", "name": "hour", "expression": "timestamp_extract(__time, 'HOUR')", "outputType": "LONG"}],
				 "dimensions": ["hour"],
				 "aggregations": [{"type": "count", "name": "rows"}, {"type": "longSum", "name": "latency", "fieldName": "latency"}]}
				""".formatted(INTERVAL)))
			.isEqualTo("[" + groupRow("\"hour\":\"0\",\"rows\":2,\"latency\":30") + ","
					+ groupRow("\"hour\":\"1\",\"rows\":1,\"latency\":30") + ","
					+ groupRow("\"hour\":\"3\",\"rows\":1,\"latency\":40") + "]");
		// upper() over the multi-value bundles: X on rows 1 and 4, Y on rows 1 and 3, null on row 2;
		// filtered to key A-200 (rows 1 and 3): X once, Y twice
		assertThat(run("""
				{"queryType": "groupBy", "dataSource": "usage", %s, "granularity": "all",
				 "virtualColumns": [{"type": "expression", "name": "bundle", "expression": "upper(bundles)", "outputType": "STRING"},
				                    {"type": "expression", "name": "key", "expression": "upper(concat(api, '-', status))", "outputType": "STRING"}],
				 "filter": {"type": "selector", "dimension": "key", "value": "A-200"},
				 "dimensions": ["bundle"], "aggregations": [{"type": "count", "name": "rows"}]}
				""".formatted(INTERVAL)))
			.isEqualTo("[" + groupRow("\"bundle\":\"X\",\"rows\":1") + "," + groupRow("\"bundle\":\"Y\",\"rows\":2") + "]");
		assertThat(run("""
				{"queryType": "groupBy", "dataSource": "usage", %s, "granularity": "all",
				 "virtualColumns": [{"type": "expression", "name": "bundle", "expression": "upper(bundles)", "outputType": "STRING"}],
				 "dimensions": ["bundle"], "aggregations": [{"type": "count", "name": "rows"}]}
				""".formatted(INTERVAL)))
			.isEqualTo("[" + groupRow("\"bundle\":null,\"rows\":1") + "," + groupRow("\"bundle\":\"X\",\"rows\":2") + ","
					+ groupRow("\"bundle\":\"Y\",\"rows\":2") + "]");
	}

	private static String groupRow(String event) {
		return "{\"version\":\"v1\",\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"event\":{" + event + "}}";
	}

	@Test
	void virtualColumnsReadOtherVirtualColumns() {
		// (latency + 1) * 10 summed: (11 + 21 + 31 + 41) * 10 = 1040
		assertThat(run("""
				{"queryType": "timeseries", "dataSource": "usage", %s, "granularity": "all",
				 "virtualColumns": [{"type": "expression", "name": "v1", "expression": "v0 * 10", "outputType": "LONG"},
				                    {"type": "expression", "name": "v0", "expression": "latency + 1", "outputType": "LONG"}],
				 "aggregations": [{"type": "longSum", "name": "v1", "fieldName": "v1"}]}
				""".formatted(INTERVAL)))
			.isEqualTo("[{\"timestamp\":\"" + FIRST_ROW + "\",\"result\":{\"v1\":1040}}]");
	}

	@Test
	void scanReturnsVirtualColumnsAndListsThemAfterTimeByDefault() {
		String third = Float.toString((float) (10 / 3.0));
		String expected = "[{\"segmentId\":\"usage_2026-01-01T00:00:00.000Z_2026-01-02T00:00:00.000Z_v1\","
				+ "\"columns\":[\"label\",\"third\"],\"events\":[[\"us:10\"," + third + "],[\"none:20\",6.6666665]],"
				+ "\"rowSignature\":[{\"name\":\"label\",\"type\":\"STRING\"},{\"name\":\"third\",\"type\":\"FLOAT\"}]}]";
		// outputType absent is FLOAT, as in Druid
		assertThat(run("""
				{"queryType": "scan", "dataSource": "usage", %s, "columns": ["label", "third"], "resultFormat": "compactedList",
				 "limit": 2, "virtualColumns": [
				   {"type": "expression", "name": "label", "expression": "concat(nvl(region, 'none'), ':', latency)", "outputType": "STRING"},
				   {"type": "expression", "name": "third", "expression": "latency / 3.0"}]}
				""".formatted(INTERVAL))).isEqualTo(expected);
		assertThat(Float.toString((float) (20 / 3.0))).isEqualTo("6.6666665");
		String all = run("""
				{"queryType": "scan", "dataSource": "usage", %s, "limit": 1,
				 "virtualColumns": [{"type": "expression", "name": "v", "expression": "strlen(api)", "outputType": "LONG"}]}
				""".formatted(INTERVAL));
		assertThat(all).contains("\"columns\":[\"__time\",\"v\",\"api\",\"status\",\"bundles\",\"region\",\"rows\","
				+ "\"latency\",\"bytes\"]").contains("\"v\":1");
	}

	@Test
	void expressionPostAggregatorsReadAggregatorsEarlierPostAggregatorsAndDimensions() {
		// latency 100 over 4 rows: 100 / 4 = 25 (long division), then 25 * 1.5 = 37.5
		assertThat(run("""
				{"queryType": "timeseries", "dataSource": "usage", %s, "granularity": "all",
				 "aggregations": [{"type": "count", "name": "rows"}, {"type": "longSum", "name": "latency", "fieldName": "latency"}],
				 "postAggregations": [{"type": "expression", "name": "mean", "expression": "latency / rows"},
				                      {"type": "expression", "name": "scaled", "expression": "mean * 1.5"},
				                      {"type": "expression", "name": "asDouble", "expression": "latency / rows", "outputType": "DOUBLE"}]}
				""".formatted(INTERVAL)))
			.isEqualTo("[{\"timestamp\":\"" + FIRST_ROW + "\",\"result\":{\"rows\":4,\"latency\":100,\"mean\":25,"
					+ "\"scaled\":37.5,\"asDouble\":25.0}}]");
		assertThat(run("""
				{"queryType": "groupBy", "dataSource": "usage", %s, "granularity": "all", "dimensions": ["api"],
				 "aggregations": [{"type": "count", "name": "rows"}],
				 "postAggregations": [{"type": "expression", "name": "label", "expression": "concat(api, ':', rows)"}]}
				""".formatted(INTERVAL)))
			.isEqualTo("[" + groupRow("\"api\":\"a\",\"rows\":2,\"label\":\"a:2\"") + ","
					+ groupRow("\"api\":\"b\",\"rows\":1,\"label\":\"b:1\"") + ","
					+ groupRow("\"api\":\"c\",\"rows\":1,\"label\":\"c:1\"") + "]");
	}

	@Test
	void badExpressionsAndVirtualColumnsAreRefusedNamingTheProblem() {
		assertThatThrownBy(() -> run("""
				{"queryType": "timeseries", "dataSource": "usage", %s, "granularity": "all",
				 "virtualColumns": [{"type": "expression", "name": "v", "expression": "latency * (2 +", "outputType": "LONG"}],
				 "aggregations": [{"type": "count", "name": "rows"}]}
				""".formatted(INTERVAL))).isInstanceOfSatisfying(StrataException.class, ex -> {
					assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
					assertThat(ex.getMessage()).isEqualTo("Expression[latency * (2 +] is invalid at position[14]: the "
							+ "expression ends where a value was expected (in field[virtualColumns[0].expression])");
				});
		assertThatThrownBy(() -> run("""
				{"queryType": "groupBy", "dataSource": "usage", %s, "granularity": "all", "dimensions": [],
				 "filter": {"type": "expression", "expression": "nosuch(api)"}}
				""".formatted(INTERVAL))).isInstanceOfSatisfying(StrataException.class, ex -> {
					assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
					assertThat(ex.getMessage()).contains("function[nosuch] is not supported").contains("in field[filter.expression]");
				});
		assertThatThrownBy(() -> run("""
				{"queryType": "timeseries", "dataSource": "usage", %s, "granularity": "all",
				 "postAggregations": [{"type": "expression", "name": "p", "expression": "'a' -"}]}
				""".formatted(INTERVAL))).isInstanceOfSatisfying(StrataException.class,
						ex -> assertThat(ex.getMessage()).contains("in field[postAggregations[0].expression]"));
		assertThatThrownBy(() -> run("""
				{"queryType": "scan", "dataSource": "usage", %s, "virtualColumns": [
				   {"type": "expression", "name": "a", "expression": "b + 1", "outputType": "LONG"},
				   {"type": "expression", "name": "b", "expression": "a + 1", "outputType": "LONG"}]}
				""".formatted(INTERVAL))).isInstanceOfSatisfying(StrataException.class,
						ex -> assertThat(ex.getMessage()).contains("field[virtualColumns]").contains("cycle [a, b, a]"));
		assertThatThrownBy(() -> run("""
				{"queryType": "scan", "dataSource": "usage", %s, "virtualColumns": [
				   {"type": "expression", "name": "a", "expression": "1", "outputType": "LONG"},
				   {"type": "expression", "name": "a", "expression": "2", "outputType": "LONG"}]}
				""".formatted(INTERVAL))).isInstanceOfSatisfying(StrataException.class,
						ex -> assertThat(ex.getMessage()).contains("virtual column name[a] is used twice"));
		assertThatThrownBy(() -> run("""
				{"queryType": "scan", "dataSource": "usage", %s, "virtualColumns": [
				   {"type": "mv-filtered", "name": "a", "delegate": "bundles", "values": ["x"]}]}
				""".formatted(INTERVAL))).isInstanceOfSatisfying(StrataException.class,
						ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED));
		assertThatThrownBy(() -> run("""
				{"queryType": "scan", "dataSource": "usage", %s, "virtualColumns": [
				   {"type": "expression", "name": "a", "expression": "1", "outputType": "ARRAY<LONG>"}]}
				""".formatted(INTERVAL))).isInstanceOfSatisfying(StrataException.class,
						ex -> assertThat(ex.getMessage()).contains("outputType[ARRAY<LONG>]"));
	}

	@Test
	void rowsThatCannotBeEvaluatedFailTheQuery() {
		// a numeric virtual column cannot read a multi-value column
		assertThatThrownBy(() -> run("""
				{"queryType": "timeseries", "dataSource": "usage", %s, "granularity": "all",
				 "virtualColumns": [{"type": "expression", "name": "v", "expression": "strlen(bundles)", "outputType": "LONG"}],
				 "aggregations": [{"type": "longSum", "name": "v", "fieldName": "v"}]}
				""".formatted(INTERVAL))).isInstanceOfSatisfying(StrataException.class, ex -> {
					assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
					assertThat(ex.getMessage()).isEqualTo("Virtual column[v] of type[LONG] reads multi-value column[bundles]; "
							+ "only STRING virtual columns may read multi-value columns");
				});
		assertThatThrownBy(() -> run("""
				{"queryType": "timeseries", "dataSource": "usage", %s, "granularity": "all",
				 "filter": {"type": "expression", "expression": "latency / (rows - 1) > 1"},
				 "aggregations": [{"type": "count", "name": "rows"}]}
				""".formatted(INTERVAL))).isInstanceOfSatisfying(StrataException.class,
						ex -> assertThat(ex.getMessage()).contains("division by zero"));
	}

}
