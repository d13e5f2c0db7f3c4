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
		StringOrdering sort = StringOrdering.LEXICOGRAPHIC;
		SpecNode sortNode = node.optionalValue("sort");
		if (sortNode != null) {
			// {"type": "lexicographic"}; a bare name is accepted as Druid's ordering deserializer does
			String name;
			if (sortNode.isString()) {
				name = sortNode.stringValue();
			}
			else {
				sortNode.requireObject();
				name = sortNode.optionalString("type", "lexicographic");
			}
			try {
				sort = StringOrdering.named(name.toLowerCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw sortNode.isString() ? node.error("sort", ex.getMessage()) : sortNode.error("type", ex.getMessage());
			}
		}
		int limit = node.optionalInt("limit", 0);
		if (limit < 0) {
			throw node.error("limit", "must not be negative");
		}
		int effectiveLimit = limit == 0 ? SearchQuery.DEFAULT_LIMIT : limit;
		StringOrdering order = sort;
		return node.build(() -> new SearchQuery(dataSource, intervals, granularity, filter, dimensions, spec, order,
				effectiveLimit, context));
	}

}
