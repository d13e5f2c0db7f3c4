package io.strata.gateway.traffic;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

import io.strata.gateway.client.UsageRecord;
import io.strata.sample.UsageCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SampleUsageRecordsTest {

	private static final Instant NOW = Instant.parse("2026-12-07T13:00:00.123Z");

	@Test
	void recordsAreStampedNowWithFreshIdsAndTheSampleShape() {
		List<UsageRecord> records = take(new SampleUsageRecords(7, 10, 3, InstantSource.fixed(NOW)), 2_000);
		assertThat(records).allSatisfy(record -> {
			assertThat(record.timestamp()).isEqualTo(NOW);
			assertThat(record.apiName()).isIn(UsageCatalog.API_NAMES.subList(0, 3));
			assertThat(record.statusCode()).isIn(UsageCatalog.STATUS_CODES);
			assertThat(record.latencyMs()).isPositive();
			assertThat(record.bytes()).isPositive();
			assertThat(record.region()).isIn(UsageCatalog.REGIONS);
			assertThat(record.plan()).isIn(UsageCatalog.PLANS);
			if (record.statusCode() != 200) {
				assertThat(record.bundles()).isEmpty();
			}
		});
		assertThat(records.stream().map(UsageRecord::accountId).distinct().count()).isBetween(2L, 10L);
		assertThat(records.stream().map(UsageRecord::apiName).distinct()).hasSize(3);
		assertThat(records.stream().map(UsageRecord::statusCode).distinct())
			.containsExactlyInAnyOrderElementsOf(UsageCatalog.STATUS_CODES);
		assertThat(records.stream().filter(record -> !record.bundles().isEmpty())).isNotEmpty();
		assertThat(records.stream().map(UsageRecord::eventId).distinct()).hasSameSizeAs(records);
	}

	@Test
	void equalSeedsDrawEqualValuesButNeverEqualEventIds() {
		List<UsageRecord> first = take(new SampleUsageRecords(7, 10, 3, InstantSource.fixed(NOW)), 100);
		List<UsageRecord> second = take(new SampleUsageRecords(7, 10, 3, InstantSource.fixed(NOW)), 100);
		for (int i = 0; i < first.size(); i++) {
			assertThat(second.get(i)).usingRecursiveComparison().ignoringFields("eventId").isEqualTo(first.get(i));
			assertThat(second.get(i).eventId()).isNotEqualTo(first.get(i).eventId());
		}
	}

	private static List<UsageRecord> take(SampleUsageRecords source, int count) {
		List<UsageRecord> records = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			records.add(source.next());
		}
		return records;
	}

}
