package io.strata.engine.query.exec;

import io.strata.engine.error.StrataException;
import io.strata.engine.query.StringOrdering;
import io.strata.engine.query.filter.AndFilter;
import io.strata.engine.query.filter.BoundFilter;
import io.strata.engine.query.filter.DimFilter;
import io.strata.engine.query.filter.ExpressionFilter;
import io.strata.engine.query.filter.FalseFilter;
import io.strata.engine.query.filter.InFilter;
import io.strata.engine.query.filter.IntervalFilter;
import io.strata.engine.query.filter.LikeFilter;
import io.strata.engine.query.filter.NotFilter;
import io.strata.engine.query.filter.NullFilter;
import io.strata.engine.query.filter.OrFilter;
import io.strata.engine.query.filter.RegexFilter;
import io.strata.engine.query.filter.SearchFilter;
import io.strata.engine.query.filter.SelectorFilter;
import io.strata.engine.query.filter.TrueFilter;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringDictionary;
import io.strata.engine.type.ColumnType;
import org.roaringbitmap.buffer.BufferFastAggregation;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a filter to row bitmaps on one segment. On string columns every leaf is answered from
 * the dictionary and the inverted index alone (no row is read); numeric columns are scanned in
 * batches; and, or and not combine bitmaps. Leaves that test each value (extraction functions,
 * like, regex, search, interval) go to {@link ValueTestResolver}. Single-threaded.
 */
final class FilterResolver {

	private static final int BATCH = 8192;

	private final Segment segment;

	private final int rows;

	/** Leaves that test each value: extraction functions, like, regex, search, interval. */
	private final ValueTestResolver tests;

	FilterResolver(Segment segment) {
		this.segment = segment;
		this.rows = segment.numRows();
		this.tests = new ValueTestResolver(segment);
	}

	Selection resolve(DimFilter filter) {
		return switch (filter) {
			case TrueFilter all -> Selection.exact(Selection.allRows(this.rows));
			case FalseFilter none -> Selection.exact(new MutableRoaringBitmap());
			case SelectorFilter selector when selector.extractionFn() != null -> this.tests.resolve(selector.dimension(),
					selector.extractionFn(), ValueTest.equalTo(selector.value()));
			case InFilter in when in.extractionFn() != null -> this.tests.resolve(in.dimension(), in.extractionFn(),
					ValueTest.oneOf(in.values()));
			case BoundFilter bound when bound.extractionFn() != null -> this.tests.resolve(bound.dimension(),
					bound.extractionFn(), ValueTest.within(bound));
			case LikeFilter like -> this.tests.resolve(like.dimension(), like.extractionFn(),
					ValueTest.matches(like.toRegex()));
			case RegexFilter regex -> this.tests.resolve(regex.dimension(), regex.extractionFn(),
					ValueTest.finds(regex.pattern()));
			case SearchFilter search -> this.tests.resolve(search.dimension(), search.extractionFn(),
					ValueTest.accepts(search.query()));
			case IntervalFilter interval -> interval.dimension().equals(Segment.TIME_COLUMN)
					&& interval.extractionFn() == null ? this.tests.timeIn(interval.intervals())
							: this.tests.resolve(interval.dimension(), interval.extractionFn(),
									ValueTest.inIntervals(interval));
			case SelectorFilter selector -> values(selector.dimension(), java.util.Collections.singletonList(selector.value()));
			case InFilter in -> values(in.dimension(), in.values());
			case NullFilter isNull -> Selection.exact(nulls(isNull.column()));
			case ExpressionFilter expression -> ExpressionMatcher.resolve(this.segment, expression);
			case BoundFilter bound -> bound(bound);
			case AndFilter and -> {
				ImmutableRoaringBitmap match = null;
				ImmutableRoaringBitmap matchOrUnknown = null;
				for (DimFilter field : and.fields()) {
					Selection part = resolve(field);
					match = match == null ? part.match() : ImmutableRoaringBitmap.and(match, part.match());
					matchOrUnknown = matchOrUnknown == null ? part.matchOrUnknown()
							: ImmutableRoaringBitmap.and(matchOrUnknown, part.matchOrUnknown());
				}
				yield new Selection(match, matchOrUnknown);
			}
			case OrFilter or -> {
				List<ImmutableRoaringBitmap> matches = new ArrayList<>();
				List<ImmutableRoaringBitmap> matchesOrUnknown = new ArrayList<>();
				for (DimFilter field : or.fields()) {
					Selection part = resolve(field);
					matches.add(part.match());
					matchesOrUnknown.add(part.matchOrUnknown());
				}
				yield new Selection(BufferFastAggregation.or(matches.iterator()),
						BufferFastAggregation.or(matchesOrUnknown.iterator()));
			}
			case NotFilter not -> {
				Selection inner = resolve(not.field());
				MutableRoaringBitmap all = Selection.allRows(this.rows);
				yield new Selection(ImmutableRoaringBitmap.andNot(all, inner.matchOrUnknown()),
						ImmutableRoaringBitmap.andNot(all, inner.match()));
			}
		};
	}

	/** Rows holding any of {@code values}; null among them matches null rows. */
	private Selection values(String column, List<String> values) {
		boolean wantsNull = values.contains(null);
		ColumnSummary summary = this.segment.metadata().column(column);
		if (summary == null) {
			// a column the segment does not have is null in every row
			return Selection.exact(wantsNull ? Selection.allRows(this.rows) : new MutableRoaringBitmap());
		}
		if (summary.type() == ColumnType.STRING) {
			StringColumn strings = this.segment.stringColumn(column);
			StringDictionary dictionary = strings.dictionary();
			List<ImmutableRoaringBitmap> hits = new ArrayList<>();
			for (String value : values) {
				int id = dictionary.indexOf(value);
				if (id >= 0) {
					hits.add(strings.bitmap(id));
				}
			}
			ImmutableRoaringBitmap match = BufferFastAggregation.or(hits.iterator());
			return wantsNull ? Selection.exact(match) : Selection.withUnknown(match, nulls(column));
		}
		if (!summary.type().isNumeric()) {
			throw StrataException.unsupported("Filtering on column[%s] of type[%s] is not supported",
					column, summary.type().druidName());
		}
		List<Double> numbers = new ArrayList<>();
		for (String value : values) {
			if (value != null) {
				Double number = parseNumber(value);
				if (number != null) {
					numbers.add(number);
				}
			}
		}
		NumericColumn numeric = numericColumn(column);
		MutableRoaringBitmap match = scan(numeric, value -> numbers.contains(value));
		ImmutableRoaringBitmap nullRows = numeric.nullRows();
		match.andNot(toMutable(nullRows));
		if (wantsNull) {
			match.or(toMutable(nullRows));
			return Selection.exact(match);
		}
		return Selection.withUnknown(match, nullRows);
	}

	private Selection bound(BoundFilter bound) {
		ColumnSummary summary = this.segment.metadata().column(bound.dimension());
		if (summary == null) {
			// every row is null: the comparison is unknown everywhere
			return Selection.withUnknown(new MutableRoaringBitmap(), Selection.allRows(this.rows));
		}
		if (summary.type() == ColumnType.STRING) {
			StringColumn strings = this.segment.stringColumn(bound.dimension());
			StringDictionary dictionary = strings.dictionary();
			List<ImmutableRoaringBitmap> hits = new ArrayList<>();
			int firstValue = dictionary.hasNull() ? 1 : 0;
			if (bound.ordering() == StringOrdering.LEXICOGRAPHIC && bound.extractionFn() == null) {
				// the dictionary is sorted in this very order: the bound is a range of ids
				int from = bound.lower() == null ? firstValue
						: Math.max(firstValue, rangeEdge(dictionary.indexOf(bound.lower()), bound.lowerStrict()));
				int to = bound.upper() == null ? dictionary.size()
						: rangeEdge(dictionary.indexOf(bound.upper()), !bound.upperStrict());
				for (int id = from; id < to; id++) {
					hits.add(strings.bitmap(id));
				}
			}
			else {
				for (int id = firstValue; id < dictionary.size(); id++) {
					if (inBound(bound, dictionary.get(id))) {
						hits.add(strings.bitmap(id));
					}
				}
			}
			return Selection.withUnknown(BufferFastAggregation.or(hits.iterator()), nulls(bound.dimension()));
		}
		if (!bound.numeric()) {
			// as Druid: a string ordering compares a number's text (String.valueOf of the long or double)
			return this.tests.resolve(bound.dimension(), null, ValueTest.within(bound));
		}
		NumericColumn numeric = numericColumn(bound.dimension());
		Double lower = bound.lower() == null ? null : parseNumber(bound.lower());
		Double upper = bound.upper() == null ? null : parseNumber(bound.upper());
		if ((bound.lower() != null && lower == null) || (bound.upper() != null && upper == null)) {
			throw StrataException.invalidInput("Bound on numeric column[%s] needs numeric lower and upper",
					bound.dimension());
		}
		MutableRoaringBitmap match = scan(numeric, value -> (lower == null
				|| (bound.lowerStrict() ? value > lower : value >= lower))
				&& (upper == null || (bound.upperStrict() ? value < upper : value <= upper)));
		match.andNot(toMutable(numeric.nullRows()));
		return Selection.withUnknown(match, numeric.nullRows());
	}

	/**
	 * The first id past a range edge: for a value found at {@code id}, {@code id + 1} when the
	 * edge takes the value itself as before it (a strict lower or a non-strict upper bound), else
	 * {@code id}; for a value not found, its insertion point.
	 */
	private static int rangeEdge(int found, boolean pastTheValue) {
		if (found < 0) {
			return -found - 1;
		}
		return pastTheValue ? found + 1 : found;
	}

	static boolean inBound(BoundFilter bound, String value) {
		if (bound.numeric()) {
			Double number = parseNumber(value);
			if (number == null) {
				return false;
			}
			Double lower = bound.lower() == null ? null : parseNumber(bound.lower());
			Double upper = bound.upper() == null ? null : parseNumber(bound.upper());
			return (lower == null || (bound.lowerStrict() ? number > lower : number >= lower))
					&& (upper == null || (bound.upperStrict() ? number < upper : number <= upper));
		}
		if (bound.lower() != null) {
			int comparison = bound.ordering().compare(value, bound.lower());
			if (comparison < 0 || (comparison == 0 && bound.lowerStrict())) {
				return false;
			}
		}
		if (bound.upper() != null) {
			int comparison = bound.ordering().compare(value, bound.upper());
			return comparison < 0 || (comparison == 0 && !bound.upperStrict());
		}
		return true;
	}

	private ImmutableRoaringBitmap nulls(String column) {
		ColumnSummary summary = this.segment.metadata().column(column);
		if (summary == null) {
			return Selection.allRows(this.rows);
		}
		if (summary.type() == ColumnType.STRING) {
			StringColumn strings = this.segment.stringColumn(column);
			StringDictionary dictionary = strings.dictionary();
			return dictionary.hasNull() ? strings.bitmap(0) : new MutableRoaringBitmap();
		}
		if (summary.type().isNumeric()) {
			return this.segment.numericColumn(column).nullRows();
		}
		return new MutableRoaringBitmap();
	}

	private NumericColumn numericColumn(String column) {
		return column.equals(Segment.TIME_COLUMN) ? this.segment.time() : this.segment.numericColumn(column);
	}

	private interface DoubleTest {

		boolean test(double value);

	}

	private MutableRoaringBitmap scan(NumericColumn column, DoubleTest test) {
		NumericValues values = column.open();
		double[] batch = new double[BATCH];
		MutableRoaringBitmap match = new MutableRoaringBitmap();
		for (int start = 0; start < this.rows; start += BATCH) {
			int count = Math.min(BATCH, this.rows - start);
			values.readDoubles(start, count, batch);
			for (int i = 0; i < count; i++) {
				if (test.test(batch[i])) {
					match.add(start + i);
				}
			}
		}
		return match;
	}

	private static MutableRoaringBitmap toMutable(ImmutableRoaringBitmap bitmap) {
		return bitmap instanceof MutableRoaringBitmap mutable ? mutable : bitmap.toMutableRoaringBitmap();
	}

	private static Double parseNumber(String value) {
		try {
			return Double.parseDouble(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
