package io.strata.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;

/**
 * Writes usage events as CSV (RFC 4180) in UTF-8 with a header row and {@code \n} line ends, for testing CSV
 * ingestion. Columns are those of {@link #HEADER}; the timestamp is ISO-8601 UTC with milliseconds, as in NDJSON.
 * Bundles share one field, joined with {@code |} and always quoted, so an empty list is {@code ""} rather than a
 * missing value. Other fields are quoted only when they hold a comma, quote or line break.
 *
 * <p>Lines are rendered into one reused buffer, so a writer serves one thread at a time.
 */
public final class CsvWriter {

    public static final String HEADER =
            "eventId,timestamp,accountId,apiName,statusCode,bundles,source,region,plan,userId,latencyMs,bytes";

    /**
     * Joins bundle names within their field; give it as the {@code listDelimiter} of a Druid CSV input format to read
     * bundles as a multi-value column.
     */
    public static final char BUNDLE_SEPARATOR = '|';

    private static final int FLUSH_BYTES = 1 << 16;

    private final Utf8Buffer buffer = new Utf8Buffer(FLUSH_BYTES + 1_024);

    private final StringBuilder joined = new StringBuilder();

    /**
     * Writes the header and then every remaining event, then flushes {@code out}; does not close it.
     *
     * @return the number of bytes written
     */
    public long write(Iterator<UsageEvent> events, OutputStream out) throws IOException {
        long written = 0;
        buffer.clear();
        buffer.ascii(HEADER).ascii('\n');
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

    /** The CSV row of one event, without the line break. */
    public String toLine(UsageEvent event) {
        buffer.clear();
        render(event);
        String line = buffer.toString();
        buffer.clear();
        return line;
    }

    private void render(UsageEvent event) {
        buffer.csvField(event.eventId(), false).ascii(',');
        buffer.isoTimestamp(event.timestampMillis()).ascii(',');
        buffer.csvField(event.accountId(), false).ascii(',');
        buffer.csvField(event.apiName(), false).ascii(',');
        buffer.decimal(event.statusCode()).ascii(',');
        buffer.csvField(joinBundles(event.bundles()), true).ascii(',');
        buffer.csvField(event.source(), false).ascii(',');
        buffer.csvField(event.region(), false).ascii(',');
        buffer.csvField(event.plan(), false).ascii(',');
        buffer.csvField(event.userId(), false).ascii(',');
        buffer.decimal(event.latencyMs()).ascii(',');
        buffer.decimal(event.bytes());
    }

    private String joinBundles(List<String> bundles) {
        joined.setLength(0);
        for (int i = 0; i < bundles.size(); i++) {
            String bundle = bundles.get(i);
            if (bundle.indexOf(BUNDLE_SEPARATOR) >= 0) {
                // Joined, it would read back as two bundles.
                throw new IllegalArgumentException(
                        "bundle[%s] must not contain the separator[%s]".formatted(bundle, BUNDLE_SEPARATOR));
            }
            if (i > 0) {
                joined.append(BUNDLE_SEPARATOR);
            }
            joined.append(bundle);
        }
        return joined.toString();
    }
}
