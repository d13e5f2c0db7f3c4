package io.strata.node.zk;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeAnnouncementJsonTest {

	private final NodeAnnouncementJson json = new NodeAnnouncementJson();

	private final NodeAnnouncement historical = new NodeAnnouncement("data-1.example.com:8083", "druid/historical",
			List.of("historical"), "hot", 5, 10_000_000_000L, 1_700_000_000_123L);

	@Test
	void writesDruidsNodeFieldsThenTheInventoryFields() {
		assertThat(new String(this.json.write(this.historical), StandardCharsets.UTF_8))
			.isEqualTo("{\"service\":\"druid/historical\",\"host\":\"data-1.example.com\",\"plaintextPort\":8083,"
					+ "\"tlsPort\":-1,\"enablePlaintextPort\":true,\"enableTlsPort\":false,"
					+ "\"roles\":[\"historical\"],\"tier\":\"hot\",\"priority\":5,\"maxSize\":10000000000,"
					+ "\"startTime\":1700000000123}");
	}

	@Test
	void readsWhatItWrites() {
		NodeAnnouncement everything = new NodeAnnouncement("localhost:8888", "druid/router",
				List.of("coordinator", "broker", "router", "historical"), "_default_tier", 0, 0, 1);

		assertThat(this.json.read(this.json.write(this.historical))).isEqualTo(this.historical);
		assertThat(this.json.read(this.json.write(everything))).isEqualTo(everything);
	}

	@Test
	void aPlainDruidNodeGetsTheInventoryDefaults() {
		NodeAnnouncement node = this.json.read(bytes("{\"service\":\"druid/broker\",\"host\":\"b1\","
				+ "\"bindOnHost\":false,\"plaintextPort\":8082,\"port\":-1,\"tlsPort\":-1,"
				+ "\"enablePlaintextPort\":true,\"enableTlsPort\":false}"));

		assertThat(node).isEqualTo(new NodeAnnouncement("b1:8082", "druid/broker", List.of(), "_default_tier", 0, 0, 0));
		assertThat(node.url()).isEqualTo("http://b1:8082");
	}

	@Test
	void errorsNameTheField() {
		assertError("{\"service\":\"s\",\"plaintextPort\":1}", "announcement.host");
		assertError("{\"host\":\"h\",\"plaintextPort\":1}", "announcement.service");
		assertError("{\"service\":\"s\",\"host\":\"h\"}", "announcement.plaintextPort");
		assertError("{\"service\":\"s\",\"host\":\"h\",\"plaintextPort\":-1}", "announcement.plaintextPort");
		assertError("{\"service\":\"s\",\"host\":\"h\",\"plaintextPort\":1,\"roles\":\"broker\"}",
				"announcement.roles");
		assertError("{\"service\":\"s\",\"host\":\"h\",\"plaintextPort\":1,\"maxSize\":\"lots\"}",
				"announcement.maxSize");
		assertError("[]", "announcement");
		assertThatThrownBy(() -> this.json.read(bytes("{\"host\""))).isInstanceOf(StrataException.class)
			.hasMessageContaining("not valid JSON");
	}

	private void assertError(String announcement, String field) {
		assertThatThrownBy(() -> this.json.read(bytes(announcement))).as(announcement)
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_SPEC))
			.hasMessageContaining("[" + field + "]");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
