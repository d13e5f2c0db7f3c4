/**
 * Data path, before the gateway: {@code UsageClient}, the library an API service embeds to report
 * its calls. It buffers usage records in memory, batches them and posts them to
 * {@code POST /v1/usage/events} from its own sender threads, retrying what the gateway or the
 * network could not take and telling the caller about what the gateway refused for good. Plain
 * Java (java.net.http, Jackson, Micrometer): no Spring.
 */
package io.strata.gateway.client;
