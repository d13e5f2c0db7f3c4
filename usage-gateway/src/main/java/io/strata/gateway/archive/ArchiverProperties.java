package io.strata.gateway.archive;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code strata.archiver.*}.
 * @param enabled whether this gateway also archives the usage topic
 * @param groupId the consumer group; archivers sharing it share the partitions
 * @param prefix where in deep storage the archive lies
 * @param flushInterval longest a read event waits before it is archived
 * @param maxRecords buffered records that force a flush sooner
 * @param retryBackoff wait after a failed flush before reading again
 */
@ConfigurationProperties("strata.archiver")
public record ArchiverProperties(@DefaultValue("true") boolean enabled, @DefaultValue("strata-archiver") String groupId,
		@DefaultValue("archive/usage") String prefix, @DefaultValue("60s") Duration flushInterval,
		@DefaultValue("200000") int maxRecords, @DefaultValue("5s") Duration retryBackoff) {

}
