package io.strata.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NdjsonWriterTest {

    private static final List<String> KEYS = List.of("eventId", "timestamp", "accountId", "apiName", "statusCode",
            "bundles", "source", "region", "plan", "userId", "latencyMs", "bytes");

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final NdjsonWriter writer = new NdjsonWriter();

    @Test
    void writesOneValidJsonObjectPerLineWithKeysInOrder() throws IOException {
        List<UsageEvent> events = generate(20_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long written = writer.write(events.iterator(), out);

        byte[] bytes = out.toByteArray();
        assertThat(written).isEqualTo(bytes.length);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        String[] lines = text.split("\n", -1);
        assertThat(lines).hasSize(events.size() + 1);
        assertThat(lines[events.size()]).isEmpty();
        for (int i = 0; i < events.size(); i++) {
            Map<String, Object> object = TestingJson.parseObject(lines[i]);
            assertThat(object.keySet()).containsExactlyElementsOf(KEYS);
            assertThat(object).isEqualTo(expected(events.get(i)));
            assertThat(writer.toLine(events.get(i))).isEqualTo(lines[i]);
        }
    }

    @Test
    void largeOutputsAreWrittenInPiecesThatAddUp() throws IOException {
        // More than one 64 KiB buffer's worth, so the mid-stream flushes are counted too.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = writer.write(new UsageEventGenerator(UsageDataConfig.defaults(5_000)), out);

        assertThat(written).isEqualTo(out.size()).isGreaterThan(4 * 65_536);
        assertThat(writer.write(List.<UsageEvent>of().iterator(), out)).isZero();
    }

    @Test
    void escapesStringsPerJson() {
        String awkward = "quote\" backslash\\ slash/ newline\n tab\t cr\r bell\u0007 nul\u0000 del\u007f é ß € 𝄞 end";
        UsageEvent event = new UsageEvent(awkward, 0, "acct,\"1\"", "ünïcödé", 200, List.of("a\"b", "c\\d"), "api",
                "lone \ud800 high", "lone \udc00 low", "\u2028", 0, 0);

        String line = writer.toLine(event);

        assertThat(line).contains("\\\"", "\\\\", "\\n", "\\t", "\\r", "\\u0007", "\\u0000", "\\ud800", "\\udc00")
                .doesNotContain("\n", "\t", "\r");
        assertThat(TestingJson.parseObject(line)).isEqualTo(expected(event));
        // Only characters that JSON requires are escaped; the rest stays as it is.
        assertThat(line).contains("é ß € 𝄞", "ünïcödé", "\u007f", "\u2028").doesNotContain("\\u00e9", "\\/");
    }

    @Test
    void writesNonAsciiAsUtf8Bytes() throws IOException {
        UsageEvent event = new UsageEvent("é𝄞", 0, "a", "b", 200, List.of(), "s", "r", "p", "u", 0, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        writer.write(List.of(event).iterator(), out);

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"eventId\":\"é𝄞\",");
        assertThat(out.toByteArray()).startsWith("{\"eventId\":\"é𝄞\",".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void formatsTimestampsAsIsoUtcWithMillis() {
        SplitMix64 random = new SplitMix64(11);
        long max = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        long min = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
        List<Long> samples = new ArrayList<>(List.of(0L, 1L, 999L, 1_000L, 86_399_999L, 86_400_000L, -1L, max, min,
                Instant.parse("2026-10-01T00:00:00.123Z").toEpochMilli(),
                Instant.parse("2000-02-29T12:34:56.789Z").toEpochMilli(),
                Instant.parse("2100-03-01T00:00:00Z").toEpochMilli()));
        for (int i = 0; i < 100_000; i++) {
            samples.add(min + (long) (random.nextDouble() * (max - min)));
        }
        for (long millis : samples) {
            UsageEvent event = new UsageEvent("e", millis, "a", "b", 200, List.of(), "s", "r", "p", "u", 0, 0);
            String timestamp = (String) TestingJson.parseObject(writer.toLine(event)).get("timestamp");
            assertThat(timestamp).as("millis %d", millis).isEqualTo(ISO_MILLIS.format(Instant.ofEpochMilli(millis)));
        }
        long example = Instant.parse("2026-10-01T00:00:00.123Z").toEpochMilli();
        assertThat(writer.toLine(new UsageEvent("e", example, "a", "b", 200, List.of(), "s", "r", "p", "u", 0, 0)))
                .contains(",\"timestamp\":\"2026-10-01T00:00:00.123Z\",");
    }

    @Test
    void rejectsTimestampsBeyondFourDigitYears() {
        long tooLate = Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli();
        UsageEvent event = new UsageEvent("e", tooLate, "a", "b", 200, List.of(), "s", "r", "p", "u", 0, 0);

        assertThatThrownBy(() -> writer.toLine(event)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timestampMillis[%d] is outside the years 0000 to 9999".formatted(tooLate));
    }

    @Test
    void writesExtremeNumbers() {
        UsageEvent event = new UsageEvent("e", 0, "a", "b", -7, List.of(), "s", "r", "p", "u", Long.MAX_VALUE, 0);

        Map<String, Object> object = TestingJson.parseObject(writer.toLine(event));

        assertThat(object.get("statusCode")).isEqualTo(-7L);
        assertThat(object.get("latencyMs")).isEqualTo(Long.MAX_VALUE);
        assertThat(object.get("bytes")).isEqualTo(0L);
    }

    private static List<UsageEvent> generate(long count) {
        List<UsageEvent> events = new ArrayList<>();
        new UsageEventGenerator(UsageDataConfig.defaults(count)).forEachRemaining(events::add);
        return events;
    }

    private static Map<String, Object> expected(UsageEvent event) {
        return Map.ofEntries(Map.entry("eventId", event.eventId()),
                Map.entry("timestamp", ISO_MILLIS.format(Instant.ofEpochMilli(event.timestampMillis()))),
                Map.entry("accountId", event.accountId()), Map.entry("apiName", event.apiName()),
                Map.entry("statusCode", (long) event.statusCode()), Map.entry("bundles", event.bundles()),
                Map.entry("source", event.source()), Map.entry("region", event.region()),
                Map.entry("plan", event.plan()), Map.entry("userId", event.userId()),
                Map.entry("latencyMs", event.latencyMs()), Map.entry("bytes", event.bytes()));
    }
}
