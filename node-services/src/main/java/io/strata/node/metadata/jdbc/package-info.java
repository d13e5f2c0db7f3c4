/**
 * Spring Data JDBC adapters of the metadata ports: one table name prefix (Druid's {@code druid}
 * by default), MySQL's dialect on both MySQL/MariaDB and H2 (in MySQL mode), times stored as
 * ISO-8601 strings as Druid does (MariaDB through Connector/J would lose their milliseconds).
 */
package io.strata.node.metadata.jdbc;
