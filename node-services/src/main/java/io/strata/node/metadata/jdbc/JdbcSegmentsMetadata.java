package io.strata.node.metadata.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.DataSegmentJson;
import io.strata.node.segment.ShardSpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link SegmentsMetadata} on {@code <prefix>_segments}. Thread-safe. */
public final class JdbcSegmentsMetadata implements SegmentsMetadata {

	/** Keeps IN lists well under every database's parameter limit. */
	private static final int BATCH = 500;

	private final JdbcAggregateTemplate template;

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final String table;

	private final DataSegmentJson json = new DataSegmentJson();

	public JdbcSegmentsMetadata(JdbcAggregateTemplate template, NamedParameterJdbcTemplate jdbc,
			TransactionTemplate transactions, String prefix) {
		this.template = template;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.table = prefix + "_segments";
	}

	@Override
	public void insert(List<DataSegment> segments) {
		String now = IsoTime.format(System.currentTimeMillis());
		List<SegmentRow> rows = segments.stream()
			.map(segment -> new SegmentRow(segment.id().toString(), segment.dataSource(), now,
					IsoTime.format(segment.interval().startMillis()), IsoTime.format(segment.interval().endMillis()),
					!(segment.shardSpec() instanceof ShardSpec.None), segment.version(), true,
					this.json.toJson(segment), now))
			.toList();
		try {
			this.transactions.executeWithoutResult(status -> this.template.insertAll(rows));
		}
		catch (DuplicateKeyException ex) {
			throw StrataException.invalidInput("A segment among [%s] is already published",
					rows.stream().map(SegmentRow::id).toList());
		}
	}

	@Override
	public List<DataSegment> usedSegments() {
		return read(this.template.findAll(Query.query(Criteria.where("used").isTrue()), SegmentRow.class));
	}

	@Override
	public List<String> existing(Collection<SegmentId> ids) {
		List<String> all = ids.stream().map(SegmentId::toString).toList();
		List<String> found = new ArrayList<>();
		for (int from = 0; from < all.size(); from += BATCH) {
			found.addAll(this.jdbc.queryForList("SELECT id FROM " + this.table + " WHERE id IN (:ids)",
					Map.of("ids", all.subList(from, Math.min(all.size(), from + BATCH))), String.class));
		}
		found.sort(null);
		return found;
	}

	@Override
	public List<DataSegment> unusedSegments(String dataSource) {
		return read(this.template.findAll(
				Query.query(Criteria.where("dataSource").is(dataSource).and("used").isFalse()), SegmentRow.class));
	}

	@Override
	public int markUnused(Collection<SegmentId> ids) {
		String now = IsoTime.format(System.currentTimeMillis());
		return inBatches(ids, batch -> this.jdbc.update("UPDATE " + this.table
				+ " SET used = FALSE, used_status_last_updated = :now WHERE used = TRUE AND id IN (:ids)",
				Map.of("now", now, "ids", batch)));
	}

	@Override
	public int delete(Collection<SegmentId> ids) {
		return inBatches(ids,
				batch -> this.jdbc.update("DELETE FROM " + this.table + " WHERE used = FALSE AND id IN (:ids)", Map.of("ids", batch)));
	}

	@Override
	public Optional<String> maxUsedVersion(String dataSource, Interval interval) {
		// ISO-8601 UTC strings of one format order as the times they spell
		return Optional.ofNullable(this.jdbc.queryForObject("SELECT MAX(version) FROM " + this.table
				+ " WHERE dataSource = :dataSource AND used = TRUE AND start < :end AND `end` > :start",
				Map.of("dataSource", dataSource, "start", IsoTime.format(interval.startMillis()), "end",
						IsoTime.format(interval.endMillis())),
				String.class));
	}

	@Override
	public List<String> dataSources(boolean includeUnused) {
		String where = includeUnused ? "" : " WHERE used = TRUE";
		return this.jdbc.queryForList("SELECT DISTINCT dataSource FROM " + this.table + where + " ORDER BY dataSource",
				Map.of(), String.class);
	}

	private List<DataSegment> read(Iterable<SegmentRow> rows) {
		List<DataSegment> segments = new ArrayList<>();
		for (SegmentRow row : rows) {
			segments.add(this.json.read(row.payload()));
		}
		segments.sort((a, b) -> a.id().compareTo(b.id()));
		return segments;
	}

	private int inBatches(Collection<SegmentId> ids, java.util.function.ToIntFunction<List<String>> update) {
		List<String> all = ids.stream().map(SegmentId::toString).toList();
		int changed = 0;
		for (int from = 0; from < all.size(); from += BATCH) {
			changed += update.applyAsInt(all.subList(from, Math.min(all.size(), from + BATCH)));
		}
		return changed;
	}

}
