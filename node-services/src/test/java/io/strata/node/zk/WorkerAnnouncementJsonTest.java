package io.strata.node.zk;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerAnnouncementJsonTest {

	private final WorkerAnnouncementJson json = new WorkerAnnouncementJson();

	@Test
	void writesDruidsWorkerShapeAndReadsItBack() {
		WorkerAnnouncement worker = new WorkerAnnouncement("data-1:8091", "data-1", 3, "0", "batch");

		byte[] written = this.json.write(worker);

		assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("{\"scheme\":\"http\",\"host\":\"data-1:8091\","
				+ "\"ip\":\"data-1\",\"capacity\":3,\"version\":\"0\",\"category\":\"batch\"}");
		assertThat(this.json.read(written)).isEqualTo(worker);
		assertThat(worker.enabled()).isTrue();
		assertThat(worker.withVersion("").enabled()).isFalse();
	}

	@Test
	void missingFieldsTakeDruidsDefaults() {
		assertThat(this.json.read("{\"host\":\"h:8091\"}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(new WorkerAnnouncement("h:8091", "h", 1, "0", "_default_worker_category"));
		assertThatThrownBy(() -> this.json.read("{".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("not valid JSON");
	}

}
