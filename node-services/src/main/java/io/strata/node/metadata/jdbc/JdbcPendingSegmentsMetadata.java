package io.strata.node.metadata.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import io.strata.node.metadata.PendingSegment;
import io.strata.node.metadata.PendingSegmentsMetadata;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link PendingSegmentsMetadata} on Druid's {@code <prefix>_pendingSegments} columns. The unique
 * key is the SHA-1 of datasource, sequence name and interval (Druid hashes the sequence and the
 * previous id; Strata allocates per interval, so the interval takes the previous id's place).
 * The payload is the pending segment as JSON. Thread-safe.
 */
public final class JdbcPendingSegmentsMetadata implements PendingSegmentsMetadata {

	private final NamedParameterJdbcTemplate jdbc;

	private final String table;

	private final JsonMapper mapper = JsonMapper.builder().build();

	public JdbcPendingSegmentsMetadata(NamedParameterJdbcTemplate jdbc, String prefix) {
		this.jdbc = jdbc;
		this.table = prefix + "_pendingSegments";
	}

	@Override
	public Optional<PendingSegment> find(String dataSource, String sequenceName, Interval interval) {
		return this.jdbc
			.queryForList("SELECT payload FROM " + this.table + " WHERE sequence_name_prev_id_sha1 = :sha1",
					Map.of("sha1", key(dataSource, sequenceName, interval)), String.class)
			.stream()
			.findFirst()
			.map(this::read);
	}

	@Override
	public List<PendingSegment> overlapping(String dataSource, Interval interval) {
		// ISO strings of one zone compare as times
		return this.jdbc
			.queryForList("SELECT payload FROM " + this.table
					+ " WHERE dataSource = :dataSource AND start < :end AND `end` > :start",
					Map.of("dataSource", dataSource, "start", IsoTime.format(interval.startMillis()), "end",
							IsoTime.format(interval.endMillis())),
					String.class)
			.stream()
			.map(this::read)
			.toList();
	}

	@Override
	public void insert(PendingSegment segment) {
		this.jdbc.update("INSERT INTO " + this.table
				+ " (id, dataSource, created_date, start, `end`, sequence_name, sequence_name_prev_id_sha1, payload)"
				+ " VALUES (:id, :dataSource, :created, :start, :end, :sequence, :sha1, :payload)",
				new MapSqlParameterSource().addValue("id", segment.id().toString())
					.addValue("dataSource", segment.dataSource())
					.addValue("created", IsoTime.format(System.currentTimeMillis()))
					.addValue("start", IsoTime.format(segment.interval().startMillis()))
					.addValue("end", IsoTime.format(segment.interval().endMillis()))
					.addValue("sequence", segment.sequenceName())
					.addValue("sha1", key(segment.dataSource(), segment.sequenceName(), segment.interval()))
					.addValue("payload", write(segment)));
	}

	@Override
	public int delete(String dataSource, Collection<String> segmentIds) {
		if (segmentIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.update("DELETE FROM " + this.table + " WHERE dataSource = :dataSource AND id IN (:ids)",
				new MapSqlParameterSource().addValue("dataSource", dataSource).addValue("ids", List.copyOf(segmentIds)));
	}

	@Override
	public int deleteCreatedBefore(String dataSource, String isoTime) {
		return this.jdbc.update("DELETE FROM " + this.table + " WHERE dataSource = :dataSource AND created_date < :before",
				Map.of("dataSource", dataSource, "before", isoTime));
	}

	private String write(PendingSegment segment) {
		Map<String, Object> json = new java.util.LinkedHashMap<>();
		json.put("dataSource", segment.dataSource());
		json.put("sequenceName", segment.sequenceName());
		json.put("interval", segment.interval().toString());
		json.put("version", segment.version());
		json.put("partitionNum", segment.partitionNum());
		json.put("corePartitions", segment.corePartitions());
		return this.mapper.writeValueAsString(json);
	}

	private PendingSegment read(String payload) {
		JsonNode json = this.mapper.readTree(payload);
		return new PendingSegment(json.path("dataSource").asString(), json.path("sequenceName").asString(),
				Interval.parse(json.path("interval").asString()), json.path("version").asString(),
				json.path("partitionNum").asInt(), json.path("corePartitions").asInt());
	}

	private static String key(String dataSource, String sequenceName, Interval interval) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1")
				.digest((dataSource + "\n" + sequenceName + "\n" + interval).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().withUpperCase().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is missing from this JVM", ex);
		}
	}

}
