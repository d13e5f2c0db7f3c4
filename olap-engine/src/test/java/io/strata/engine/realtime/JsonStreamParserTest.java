package io.strata.engine.realtime;

import io.strata.engine.input.InputRow;
import io.strata.engine.input.InputRowFactory;
import io.strata.engine.input.JsonStreamParser;
import io.strata.engine.input.TimestampFormat;
import io.strata.engine.input.TimestampSpec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code json} stream format: one object per message; bad messages fail with the reason. */
class JsonStreamParserTest {

	private final JsonStreamParser parser = new JsonStreamParser(
			new InputRowFactory(TimestampSpec.of("ts", TimestampFormat.AUTO)));

	@Test
	void readsOneObjectPerMessage() {
		InputRow row = this.parser.parse(bytes("{\"ts\": \"2026-10-01T00:00:01Z\", \"page\": \"home\", \"n\": 3}"));
		assertThat(row.timestampMillis()).isEqualTo(java.time.Instant.parse("2026-10-01T00:00:01Z").toEpochMilli());
		assertThat(row.fields()).containsEntry("page", "home").containsEntry("n", 3L);
	}

	@Test
	void badMessagesFailWithTheReason() {
		assertThatThrownBy(() -> this.parser.parse(bytes("{\"ts\": 1, \"page\": "))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.parser.parse(bytes("{\"page\": \"home\"}"))).hasMessageContaining("timestamp column[ts] is missing");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
