package io.strata.node.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code strata.metadata.*}. The connection itself is Spring's {@code spring.datasource.*}
 * (an H2 file under the base directory by default; a {@code jdbc:mysql://} URL for MySQL).
 * @param tablePrefix prefix of every table, Druid's {@code druid} so operators' scripts carry over
 */
@ConfigurationProperties("strata.metadata")
public record MetadataProperties(@DefaultValue("druid") String tablePrefix) {

	public MetadataProperties {
		if (!tablePrefix.matches("[A-Za-z][A-Za-z0-9_]*")) {
			throw new IllegalArgumentException("strata.metadata.table-prefix must be a plain SQL name: " + tablePrefix);
		}
	}

}
