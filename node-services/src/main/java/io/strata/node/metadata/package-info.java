/**
 * Control path: the metadata store ports (segments, rules, dynamic config, audit). Tables and
 * columns follow Druid's ({@code <prefix>_segments} ...) so operators' scripts carry over; the
 * adapters in {@code jdbc} run on MySQL/MariaDB and on the embedded H2 file.
 */
package io.strata.node.metadata;
