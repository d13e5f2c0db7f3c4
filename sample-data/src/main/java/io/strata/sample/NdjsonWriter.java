package io.strata.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;

/**
 * Writes usage events as NDJSON in UTF-8: one JSON object per line, ended by {@code \n}, keys always in this order:
 *
 * <pre>
 * {"eventId":"0c5d6c4e-8a57-4d6e-9f0b-2a1e0e6f3b9a","timestamp":"2026-10-01T00:00:00.123Z",
 *  "accountId":"acct-00042","apiName":"person.enrich","statusCode":200,"bundles":["contact","demographics"],
 *  "source":"api","region":"us-east-1","plan":"free","userId":"user-0001234","latencyMs":87,"bytes":5120}
 * </pre>
 *
 * (one line in the output). Lines are rendered into one reused buffer, so a writer serves one thread at a time.
 */
public final class NdjsonWriter {

    // Large enough that an OutputStream without its own buffer still sees few, large writes.
    private static final int FLUSH_BYTES = 1 << 16;

    private final Utf8Buffer buffer = new Utf8Buffer(FLUSH_BYTES + 1_024);

    /**
     * Writes every remaining event, then flushes {@code out}; does not close it.
     *
     * @return the number of bytes written
     */
    public long write(Iterator<UsageEvent> events, OutputStream out) throws IOException {
        long written = 0;
        buffer.clear();
        while (events.hasNext()) {
            render(events.next());
            buffer.ascii('\n');
            if (buffer.length() >= FLUSH_BYTES) {
                written += buffer.length();
                buffer.writeTo(out);
                buffer.clear();
            }
        }
        written += buffer.length();
        buffer.writeTo(out);
        buffer.clear();
        out.flush();
        return written;
    }

    /** The JSON object of one event, without the line break. */
    public String toLine(UsageEvent event) {
        buffer.clear();
        render(event);
        String line = buffer.toString();
        buffer.clear();
        return line;
    }

    private void render(UsageEvent event) {
        buffer.ascii("{\"eventId\":").jsonString(event.eventId());
        buffer.ascii(",\"timestamp\":\"").isoTimestamp(event.timestampMillis()).ascii('"');
        buffer.ascii(",\"accountId\":").jsonString(event.accountId());
        buffer.ascii(",\"apiName\":").jsonString(event.apiName());
        buffer.ascii(",\"statusCode\":").decimal(event.statusCode());
        buffer.ascii(",\"bundles\":[");
        List<String> bundles = event.bundles();
        for (int i = 0; i < bundles.size(); i++) {
            if (i > 0) {
                buffer.ascii(',');
            }
            buffer.jsonString(bundles.get(i));
        }
        buffer.ascii(']');
        buffer.ascii(",\"source\":").jsonString(event.source());
        buffer.ascii(",\"region\":").jsonString(event.region());
        buffer.ascii(",\"plan\":").jsonString(event.plan());
        buffer.ascii(",\"userId\":").jsonString(event.userId());
        buffer.ascii(",\"latencyMs\":").decimal(event.latencyMs());
        buffer.ascii(",\"bytes\":").decimal(event.bytes());
        buffer.ascii('}');
    }
}
