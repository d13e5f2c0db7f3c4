package io.strata.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.sample.TestingCsv.Field;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final CsvWriter writer = new CsvWriter();

    @Test
    void writesTheHeaderThenOneRowPerEvent() throws IOException {
        List<UsageEvent> events = new ArrayList<>();
        new UsageEventGenerator(UsageDataConfig.defaults(10_000)).forEachRemaining(events::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long written = writer.write(events.iterator(), out);

        assertThat(written).isEqualTo(out.size());
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n", -1);
        assertThat(lines).hasSize(events.size() + 2);
        assertThat(lines[0]).isEqualTo(
                "eventId,timestamp,accountId,apiName,statusCode,bundles,source,region,plan,userId,latencyMs,bytes");
        assertThat(lines[events.size() + 1]).isEmpty();
        for (int i = 0; i < events.size(); i++) {
            UsageEvent event = events.get(i);
            List<Field> fields = TestingCsv.parseRecord(lines[i + 1]);
            assertThat(fields).extracting(Field::value).containsExactly(event.eventId(),
                    ISO_MILLIS.format(Instant.ofEpochMilli(event.timestampMillis())),
                    event.accountId(), event.apiName(), Integer.toString(event.statusCode()),
                    String.join("|", event.bundles()), event.source(), event.region(), event.plan(), event.userId(),
                    Long.toString(event.latencyMs()), Long.toString(event.bytes()));
            // Only the bundles field is quoted: it is always, so that no bundles reads as an empty list.
            assertThat(fields).extracting(Field::quoted).containsExactly(false, false, false, false, false, true, false,
                    false, false, false, false, false);
            assertThat(writer.toLine(event)).isEqualTo(lines[i + 1]);
        }
    }

    @Test
    void emptyBundlesAreAQuotedEmptyField() {
        UsageEvent event = new UsageEvent("e", 0, "a", "b", 404, List.of(), "api", "r", "p", "u", 5, 200);

        assertThat(writer.toLine(event)).isEqualTo("e,1970-01-01T00:00:00.000Z,a,b,404,\"\",api,r,p,u,5,200");
    }

    @Test
    void quotesFieldsThatNeedItAndDoublesQuotes() {
        UsageEvent event = new UsageEvent("id,1", 0, "say \"hi\"", "line\nbreak", 200, List.of("a\"b", "c,d"), "api",
                "cr\rhere", "é", "u", 5, 200);

        String line = writer.toLine(event);

        assertThat(line).isEqualTo("\"id,1\",1970-01-01T00:00:00.000Z,\"say \"\"hi\"\"\",\"line\nbreak\",200,"
                + "\"a\"\"b|c,d\",api,\"cr\rhere\",é,u,5,200");
        assertThat(TestingCsv.parseRecord(line)).extracting(Field::value).containsExactly("id,1",
                "1970-01-01T00:00:00.000Z", "say \"hi\"", "line\nbreak", "200", "a\"b|c,d", "api", "cr\rhere", "é",
                "u", "5", "200");
    }

    @Test
    void rejectsBundleNamesHoldingTheSeparator() {
        UsageEvent event = new UsageEvent("e", 0, "a", "b", 200, List.of("x|y"), "api", "r", "p", "u", 5, 200);

        assertThatThrownBy(() -> writer.toLine(event)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bundle[x|y] must not contain the separator[|]");
    }

    @Test
    void writesNonAsciiAsUtf8() throws IOException {
        UsageEvent event = new UsageEvent("é𝄞", 0, "a", "b", 200, List.of(), "api", "r", "p", "u", 5, 200);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        writer.write(List.of(event).iterator(), out);

        assertThat(out.toByteArray()).endsWith("é𝄞,1970-01-01T00:00:00.000Z,a,b,200,\"\",api,r,p,u,5,200\n"
                .getBytes(StandardCharsets.UTF_8));
    }
}
