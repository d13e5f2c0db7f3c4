package io.strata.engine.query;

import io.strata.engine.json.SpecNode;
import io.strata.engine.query.filter.DimFilter;
import io.strata.engine.query.filter.SearchQuerySpec;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.GranularityJson;
import io.strata.engine.time.Interval;

import java.util.List;

/** Reads the fields of Druid's {@code search} query beyond those every query has. Stateless. */
final class SearchQueryJson {

	private SearchQueryJson() {
	}

	static SearchQuery read(SpecNode node, String dataSource, List<Interval> intervals, DimFilter filter,
			QueryContext context) {
		Granularity granularity = GranularityJson.read(node, "granularity", Granularity.all());
		List<DimensionSpec> dimensions = node.optionalList("searchDimensions", DimensionSpecJson::read);
		SpecNode queryNode = node.optionalObject("query");
		SearchQuerySpec spec = queryNode == null ? new SearchQuerySpec.All() : TextFilterJson.searchQuerySpec(queryNode);
		StringOrdering sort = StringOrderingJson.read(node, "sort", StringOrdering.LEXICOGRAPHIC);
		int limit = node.optionalInt("limit", 0);
		if (limit < 0) {
			throw node.error("limit", "must not be negative");
		}
		int effectiveLimit = limit == 0 ? SearchQuery.DEFAULT_LIMIT : limit;
		return node.build(() -> new SearchQuery(dataSource, intervals, granularity, filter, dimensions, spec, sort,
				effectiveLimit, context));
	}

}
