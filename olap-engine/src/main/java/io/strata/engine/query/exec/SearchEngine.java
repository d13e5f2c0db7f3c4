package io.strata.engine.query.exec;

import io.strata.engine.error.StrataException;
import io.strata.engine.query.DimensionSpec;
import io.strata.engine.query.SearchQuery;
import io.strata.engine.query.extraction.ExtractionFn;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringDictionary;
import io.strata.engine.segment.column.Utf8Order;
import io.strata.engine.time.AllGranularity;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import io.strata.engine.type.ColumnType;
import org.roaringbitmap.BatchIterator;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Druid's {@code search} query. Each segment the query intervals reach gives one result, stamped
 * with the start of the segment's interval: the values of the searched dimensions (after their
 * extraction functions) the search spec accepts, each with the number of selected rows holding it
 * (a multi-value row counts once per value), sorted by the query's ordering and then dimension, cut
 * to {@code limit}. String columns are answered from the dictionary and inverted index; numeric
 * ones are scanned. Results whose time falls in one granularity bucket merge by adding counts; with
 * granularity {@code all} the merged result is cut to {@code limit} again and keeps the earliest
 * segment start, as Druid's merge does. Values equal under the ordering but not identical stay
 * separate hits. Stateless.
 */
final class SearchEngine {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private static final int BATCH = 1024;

	/** One search hit: a dimension's output name and a value (null possible under {@code all}). */
	record Hit(String dimension, String value) {

	}

	/** The hits of one result bucket and the time it is stamped with. */
	static final class Bucket {

		long timestamp;

		final Map<Hit, Long> counts = new LinkedHashMap<>();

		Bucket(long timestamp) {
			this.timestamp = timestamp;
		}

	}

	/** The order of hits in a result: the query's sort on values, then dimension, then value bytes. */
	static Comparator<Hit> order(SearchQuery query) {
		return Comparator.comparing(Hit::value, query.sort())
			.thenComparing(Hit::dimension, Utf8Order.INSTANCE)
			.thenComparing(Hit::value, Comparator.nullsFirst(Utf8Order.INSTANCE));
	}

	String run(SearchQuery query, List<Segment> segments) {
		Comparator<Hit> order = order(query);
		boolean all = query.granularity() instanceof AllGranularity;
		TreeMap<Long, Bucket> buckets = new TreeMap<>();
		for (Segment segment : segments) {
			List<Interval> covered = new ArrayList<>();
			ImmutableRoaringBitmap rows = RowSelector.select(segment, query.intervals(), query.filter(), query.granularity(),
					covered);
			if (covered.isEmpty()) {
				continue;
			}
			long start = segment.id().interval().startMillis();
			Bucket bucket = buckets.computeIfAbsent(all ? 0L : query.granularity().bucketStart(start),
					key -> new Bucket(all ? start : key));
			bucket.timestamp = all ? Math.min(bucket.timestamp, start) : bucket.timestamp;
			List<Map.Entry<Hit, Long>> hits = new ArrayList<>(segmentHits(query, segment, rows).entrySet());
			hits.sort(Map.Entry.comparingByKey(order));
			for (Map.Entry<Hit, Long> hit : hits.subList(0, Math.min(query.limit(), hits.size()))) {
				bucket.counts.merge(hit.getKey(), hit.getValue(), Long::sum);
			}
		}
		return write(query, buckets.values());
	}

	/**
	 * Druid's JSON of result buckets (in time order): hits sorted, cut to {@code limit} again under
	 * granularity all (a data server's answer, and the broker's merge of them, are cut the same way).
	 */
	static String write(SearchQuery query, java.util.Collection<Bucket> buckets) {
		Comparator<Hit> order = order(query);
		boolean all = query.granularity() instanceof AllGranularity;
		List<Map<String, Object>> out = new ArrayList<>();
		for (Bucket bucket : buckets) {
			List<Map.Entry<Hit, Long>> hits = new ArrayList<>(bucket.counts.entrySet());
			hits.sort(Map.Entry.comparingByKey(order));
			if (all) {
				hits = hits.subList(0, Math.min(query.limit(), hits.size()));
			}
			List<Map<String, Object>> result = new ArrayList<>();
			for (Map.Entry<Hit, Long> hit : hits) {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("dimension", hit.getKey().dimension());
				entry.put("value", hit.getKey().value());
				entry.put("count", hit.getValue());
				result.add(entry);
			}
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("timestamp", IsoTime.format(bucket.timestamp, query.granularity().resultZone()));
			entry.put("result", result);
			out.add(entry);
		}
		return MAPPER.writeValueAsString(out);
	}

	private static Map<Hit, Long> segmentHits(SearchQuery query, Segment segment, ImmutableRoaringBitmap rows) {
		Map<Hit, Long> counts = new LinkedHashMap<>();
		if (rows.isEmpty()) {
			return counts;
		}
		List<DimensionSpec> dimensions = query.searchDimensions();
		if (dimensions.isEmpty()) {
			dimensions = segment.metadata().dimensionNames().stream().map(name -> new DimensionSpec(name, null)).toList();
		}
		for (DimensionSpec dimension : dimensions) {
			String name = dimension.dimension();
			ColumnSummary summary = segment.metadata().column(name);
			if (summary == null) {
				continue;
			}
			ExtractionFn fn = dimension.extractionFn();
			if (summary.type() == ColumnType.STRING) {
				StringColumn column = segment.stringColumn(name);
				StringDictionary dictionary = column.dictionary();
				for (int id = 0; id < dictionary.size(); id++) {
					String value = dictionary.get(id);
					String extracted = fn == null ? value : fn.apply(value);
					if (query.query().accept(extracted)) {
						long count = ImmutableRoaringBitmap.andCardinality(column.bitmap(id), rows);
						if (count > 0) {
							counts.merge(new Hit(dimension.outputName(), extracted), count, Long::sum);
						}
					}
				}
			}
			else if (summary.type().isNumeric()) {
				NumericColumn column = name.equals(Segment.TIME_COLUMN) ? segment.time() : segment.numericColumn(name);
				scanNumbers(query, dimension, column, summary.type(), rows, counts);
			}
			else {
				throw StrataException.unsupported("Searching column[%s] of type[%s] is not supported", name,
						summary.type().druidName());
			}
		}
		return counts;
	}

	private static void scanNumbers(SearchQuery query, DimensionSpec dimension, NumericColumn column, ColumnType type,
			ImmutableRoaringBitmap rows, Map<Hit, Long> counts) {
		ExtractionFn fn = dimension.extractionFn();
		NumericValues values = column.open();
		ImmutableRoaringBitmap nulls = column.nullRows();
		int[] batch = new int[BATCH];
		long[] longs = new long[BATCH];
		double[] doubles = new double[BATCH];
		BatchIterator iterator = rows.getBatchIterator();
		while (iterator.hasNext()) {
			int count = iterator.nextBatch(batch);
			if (type == ColumnType.LONG) {
				values.readLongs(batch, count, longs);
			}
			else {
				values.readDoubles(batch, count, doubles);
			}
			for (int i = 0; i < count; i++) {
				String value;
				if (nulls.contains(batch[i])) {
					value = fn == null ? null : fn.apply((String) null);
				}
				else if (type == ColumnType.LONG) {
					value = fn == null ? Long.toString(longs[i]) : fn.apply(longs[i]);
				}
				else {
					String text = type == ColumnType.FLOAT ? Float.toString((float) doubles[i])
							: Double.toString(doubles[i]);
					value = fn == null ? text : fn.apply(text);
				}
				if (query.query().accept(value)) {
					counts.merge(new Hit(dimension.outputName(), value), 1L, Long::sum);
				}
			}
		}
	}

}
