package io.strata.engine.ingest;

import io.strata.engine.input.TimestampSpec;
import io.strata.engine.input.TimestampFormat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.engine.input.InputRowFactory;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TimestampFormatTest {

	private static final long MILLIS = 1_790_812_800_123L;

	@Test
	void eachFormatReadsItsUnit() {
		assertThat(TimestampFormat.AUTO.parse(MILLIS)).isEqualTo(MILLIS);
		assertThat(TimestampFormat.AUTO.parse("1790812800123")).isEqualTo(MILLIS);
		assertThat(TimestampFormat.AUTO.parse("2026-10-01T00:00:00.123Z")).isEqualTo(MILLIS);
		assertThat(TimestampFormat.ISO.parse("2026-10-01T00:00:00.123Z")).isEqualTo(MILLIS);
		assertThat(TimestampFormat.MILLIS.parse("1790812800123")).isEqualTo(MILLIS);
		assertThat(TimestampFormat.POSIX.parse(1_790_812_800L)).isEqualTo(MILLIS - 123);
		assertThat(TimestampFormat.POSIX.parse(1_790_812_800.123)).isEqualTo(MILLIS);
		assertThat(TimestampFormat.POSIX.parse("1790812800")).isEqualTo(MILLIS - 123);
		assertThat(TimestampFormat.MICRO.parse(MILLIS * 1000 + 999)).isEqualTo(MILLIS);
		assertThat(TimestampFormat.NANO.parse(MILLIS * 1_000_000 + 999_999)).isEqualTo(MILLIS);
		assertThat(TimestampFormat.MICRO.parse(-1L)).as("floors before the epoch").isEqualTo(-1);
		assertThat(TimestampFormat.MILLIS.parse("-5")).isEqualTo(-5);
		assertThat(TimestampFormat.fromJsonName("PoSiX")).isEqualTo(TimestampFormat.POSIX);
	}

	@Test
	void unreadableValuesSayWhy() {
		assertThatThrownBy(() -> TimestampFormat.ISO.parse(MILLIS)).hasMessageContaining("the format is iso");
		assertThatThrownBy(() -> TimestampFormat.MILLIS.parse("2026-10-01")).hasMessageContaining("whole number");
		assertThatThrownBy(() -> TimestampFormat.AUTO.parse(true)).hasMessageContaining("neither a number nor a string");
		assertThatThrownBy(() -> TimestampFormat.AUTO.parse("")).hasMessageContaining("empty");
		assertThatThrownBy(() -> TimestampFormat.MILLIS.parse("99999999999999999999"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> TimestampFormat.fromJsonName("joda")).isInstanceOf(IllegalArgumentException.class);
		// posix seconds that overflow millis are refused, not wrapped around
		InputRowFactory factory = new InputRowFactory(TimestampSpec.of("t", TimestampFormat.POSIX));
		Map<String, Object> fields = new HashMap<>();
		fields.put("t", Long.MAX_VALUE / 10);
		assertThatThrownBy(() -> factory.toRow(fields)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("timestamp column[t] is unparseable (posix): long overflow");
	}

	@Test
	void numbersThatAreNoInstantAreRefused() {
		// a double input (Avro, or JSON with a fraction) that is not finite has no time
		for (TimestampFormat format : new TimestampFormat[] { TimestampFormat.AUTO, TimestampFormat.MILLIS,
				TimestampFormat.POSIX }) {
			assertThatThrownBy(() -> format.parse(Double.NaN)).as(format.name()).isInstanceOf(IllegalArgumentException.class);
			assertThatThrownBy(() -> format.parse(Double.POSITIVE_INFINITY)).as(format.name())
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

}
